import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

/** The built CLI as scripts run it: a real process, the secret piped on stdin, exit codes. */
describe('the keyturn executable', () => {
  const keyturn = (home: string, args: string[], input = '') =>
    spawnSync(process.execPath, ['bin/keyturn.mjs', '--home', home, ...args], { input, encoding: 'utf8' });

  it('adds a key from stdin and prints it back alone with key get', () => {
    const home = tempHome();
    const secret = sampleKeys.nexora();
    expect(keyturn(home, ['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', 'https://nexora.acme.test/api']).status).toBe(0);
    const added = keyturn(home, ['key', 'add', 'nexora/acme/self', 'ci', '--no-verify'], `${secret}\n`);
    expect(added.status).toBe(0);
    expect(added.stdout).not.toContain(secret);
    expect(keyturn(home, ['key', 'get', 'nexora/acme/self/ci'])).toMatchObject({ status: 0, stdout: `${secret}\n`, stderr: '' });
  });

  it('exits 2 with one line on stderr for bad input', () => {
    const home = tempHome();
    const result = keyturn(home, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'staging']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--env.*sandbox or production/);
  });

  it('exits 0 for --help', () => {
    const result = spawnSync(process.execPath, ['bin/keyturn.mjs', '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: keyturn/);
  });
});
