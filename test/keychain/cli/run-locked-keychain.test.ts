import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { useOwnKeyring } from '../../support/own-keyring.js';
import { tempHome } from '../../support/temp-home.js';

/** `run` and `read` on a locked keychain, on a keyring of this file's own (see locked-keychain.test.ts). */
describe('run and read on a locked keychain', () => {
  const keyring = useOwnKeyring();
  const keyturn = (home: string, args: string[], input = '') => runBuiltCli(['--home', home, ...args], keyring.env, input);

  it('run exits 3 naming the variable, the file line and the locked keychain, and the command never starts; read exits 3 as key get does', async () => {
    const home = tempHome();
    const secret = sampleKeys.xora();
    expect((await keyturn(home, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await keyturn(home, ['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], secret)).code).toBe(0);
    const envFile = join(home, 'app.env');
    writeFileSync(envFile, 'PLAIN=1\nXORA_KEY=keyturn://xora/acme/main/ci\n');
    const marker = join(home, 'ran');
    const child = [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`];

    await keyring.lock();
    expect(await keyring.isLocked()).toBe(true);
    const refused = await keyturn(home, ['run', '--env-file', envFile, '--', ...child]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`XORA_KEY (${envFile}:2): cannot read xora/acme/main/ci: the keychain is locked: unlock it`);
    expect(refused.stderr).toContain('nothing was run');
    expect(refused.stdout).toBe('');
    expect(existsSync(marker)).toBe(false);

    const read = await keyturn(home, ['read', 'keyturn://xora/acme/main/ci']);
    const got = await keyturn(home, ['key', 'get', 'xora/acme/main/ci']);
    expect(read).toEqual(got);
    expect(read.code).toBe(3);
    expect(read.stderr).toMatch(/keychain is locked: unlock it/);

    await keyring.unlock();
    expect((await keyturn(home, ['run', '--quiet', '--env-file', envFile, '--', ...child])).code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });
});
