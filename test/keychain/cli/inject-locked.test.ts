import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { useOwnKeyring } from '../../support/own-keyring.js';
import { tempHome } from '../../support/temp-home.js';

/** A render whose keychain is locked: on a keyring of this file's own (locking the shared one would break the files beside it). */
describe('keyturn inject with a locked keychain', () => {
  const keyring = useOwnKeyring();

  it('forbids a render while the keychain is locked: exit 3 naming the template line, no output, nothing on stdout', async () => {
    const home = tempHome();
    const keyturn = (args: string[], input = '') => runBuiltCli(['--home', home, ...args], keyring.env, input);
    expect((await keyturn(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await keyturn(['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], sampleKeys.xora())).code).toBe(0);
    const template = join(home, 'app.tpl');
    writeFileSync(template, 'first line\nkey: {{ keyturn://xora/acme/main/ci }}\n');
    const output = join(home, 'app.yml');

    await keyring.lock();
    const toFile = await keyturn(['inject', '-i', template, '-o', output]);
    expect(toFile.code).toBe(3);
    expect(toFile.stderr).toContain(`${template}:2`);
    expect(toFile.stderr).toMatch(/keychain is locked: unlock it/);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(home).filter((n) => n.includes('app.yml'))).toEqual([]);
    const toStdout = await keyturn(['inject'], readFileSync(template, 'utf8'));
    expect(toStdout).toMatchObject({ code: 3, stdout: '' });
  });
});
