// Outside a keychain session (an SSH login, a container: no D-Bus session bus, no X display), a
// command that needs the keychain says in one sentence what is missing and how to get it, exits 3,
// and has written nothing: not the key, and not an instance before it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliFor, runBuiltCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, ...withoutSession } = process.env;

/** The built CLI as a real process, in an environment without a D-Bus session bus or a display. */
const keyturnOutsideSession = (home: string, args: string[], input = '') => runBuiltCli(['--home', home, ...args], withoutSession, input);

/** One line, one sentence: what is missing (a session bus), how to get it (a desktop login, or the private-keyring shell), and that nothing changed. */
function expectNoSessionSentence(stderr: string): void {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).toMatch(/^keyturn: the OS keychain is unavailable \(this session has no D-Bus session bus to reach it through: [^\n]*\): log in to a desktop session, or work in a shell with a private keyring \(in the Keyturn folder: node scripts\/with-keyring\.mjs -- bash; what it stores lasts until that shell exits\), then run the command again; nothing was changed\n$/);
}

describe('the keyturn CLI outside a keychain session', () => {
  let home: string;
  let secret: string;
  let files: () => Record<string, string | null>;
  beforeEach(async () => {
    home = tempHome();
    const run = cliFor(home);
    expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'production'])).code).toBe(0);
    secret = sampleKeys.xora();
    expect((await run(['key', 'add', 'xora/acme/main', 'ci'], secret)).code).toBe(0);
    files = () => Object.fromEntries(['vault.json', 'vault.last-good.json', 'audit.log'].map((f) => [f, existsSync(join(home, f)) ? readFileSync(join(home, f), 'utf8') : null]));
  });

  it('refuses instance add before writing it, saying what is missing and how to get it', async () => {
    const before = files();
    const result = await keyturnOutsideSession(home, ['instance', 'add', 'xora', 'acme', 'other', '--env', 'sandbox']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expectNoSessionSentence(result.stderr);
    expect(files()).toEqual(before);
  });

  it('refuses key add with the same sentence, and changes nothing', async () => {
    const before = files();
    const result = await keyturnOutsideSession(home, ['key', 'add', 'xora/acme/main', 'other'], sampleKeys.xora());
    expect(result.code).toBe(3);
    expectNoSessionSentence(result.stderr);
    expect(files()).toEqual(before);
  });

  it('says the same when a command only reads the keychain (key get)', async () => {
    const result = await keyturnOutsideSession(home, ['key', 'get', 'xora/acme/main/ci']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expectNoSessionSentence(result.stderr);
  });

  it('writes no vault.json in a new home', async () => {
    const fresh = tempHome();
    const result = await keyturnOutsideSession(fresh, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'production']);
    expect(result.code).toBe(3);
    expectNoSessionSentence(result.stderr);
    expect(existsSync(join(fresh, 'vault.json'))).toBe(false);
    expect(existsSync(join(fresh, 'audit.log'))).toBe(false);
  });

  it('a folder scan still reports what it found (exit 1), and says the places were not recorded on the keys: nothing was written', async () => {
    const project = mkdtempSync(join(tmpdir(), 'keyturn-scan-outside-'));
    try {
      writeFileSync(join(project, 'client.ts'), `export const key = "${secret}";\n`);
      const before = files();
      const result = await keyturnOutsideSession(home, ['scan', project]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toMatch(/^xora\/acme\/main\/ci {2}PRODUCTION {2}active/);
      expect(result.stderr).toMatch(/^warning: where the vault's keys were found is not recorded on them \(the OS keychain is unavailable/m);
      expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
      expect(files()['vault.json']).toBe(before['vault.json']);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
