import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { useOwnKeyring } from '../../support/own-keyring.js';
import { tempHome } from '../../support/temp-home.js';

/**
 * A locked keychain is not a missing secret. Locked through the Secret Service's own Lock call, on
 * a keyring of this file's own (locking the suite's shared one would break the files running beside it).
 */
describe('a locked keychain', () => {
  const keyring = useOwnKeyring();

  const keyturn = (home: string, args: string[], input = '', env: NodeJS.ProcessEnv = keyring.env) => runBuiltCli(['--home', home, ...args], env, input);
  const recordNames = (home: string) => (JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as { keys: { name: string; lastVerification?: unknown }[] }).keys;

  it('key get, key remove and key verify exit 3 saying it is locked, and change nothing', async () => {
    const home = tempHome();
    const secret = sampleKeys.xora();
    expect((await keyturn(home, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await keyturn(home, ['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], secret)).code).toBe(0);
    const before = readFileSync(join(home, 'vault.json'), 'utf8');

    await keyring.lock();
    expect(await keyring.isLocked()).toBe(true);

    const got = await keyturn(home, ['key', 'get', 'xora/acme/main/ci']);
    expect(got.code).toBe(3);
    expect(got.stdout).toBe('');
    expect(got.stderr).toMatch(/keychain is locked: unlock it/);
    expect(got.stderr).not.toMatch(/removed outside Keyturn|holds no secret/);

    const removed = await keyturn(home, ['key', 'remove', 'xora/acme/main/ci']);
    expect(removed.code).toBe(3);
    expect(removed.stderr).toMatch(/keychain is locked.*nothing was changed/);

    const verified = await keyturn(home, ['key', 'verify', 'xora/acme/main/ci']);
    expect(verified.code).toBe(3);
    expect(verified.stderr).toMatch(/keychain is locked/);

    // The record is still there, with no "holds no secret" verification written.
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);
    expect(recordNames(home).map((k) => k.name)).toEqual(['ci']);
    expect(recordNames(home)[0]?.lastVerification).toBeUndefined();

    await keyring.unlock();
    expect(await keyring.isLocked()).toBe(false);
    expect(await keyturn(home, ['key', 'get', 'xora/acme/main/ci'])).toMatchObject({ code: 0, stdout: `${secret}\n` });
  });

  /** The test's own keyring with a PATH that holds no dbus-send (node is started by its absolute path; keytar needs no PATH). */
  const withoutDbusSend = (home: string, fakeDbusSend?: string): NodeJS.ProcessEnv => {
    const bin = join(home, 'bin');
    mkdirSync(bin, { recursive: true });
    if (fakeDbusSend) {
      writeFileSync(join(bin, 'dbus-send'), fakeDbusSend);
      chmodSync(join(bin, 'dbus-send'), 0o755);
    }
    return { ...keyring.env, PATH: bin };
  };

  it('without dbus-send a locked keychain is not taken for a missing secret: get, remove and verify exit 3, say what to install, and change nothing', async () => {
    const home = tempHome();
    const secret = sampleKeys.xora();
    expect((await keyturn(home, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await keyturn(home, ['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], secret)).code).toBe(0);
    const noTool = withoutDbusSend(home);
    // Unlocked, a secret that is there is read as usual without dbus-send.
    expect(await keyturn(home, ['key', 'get', 'xora/acme/main/ci'], '', noTool)).toMatchObject({ code: 0, stdout: `${secret}\n` });
    const before = readFileSync(join(home, 'vault.json'), 'utf8');

    await keyring.lock();
    for (const args of [['key', 'get', 'xora/acme/main/ci'], ['key', 'remove', 'xora/acme/main/ci'], ['key', 'verify', 'xora/acme/main/ci']]) {
      const refused = await keyturn(home, args, '', noTool);
      expect(refused.code, args.join(' ')).toBe(3);
      expect(refused.stderr).toMatch(/cannot tell a locked keychain from a missing secret here: dbus-send.* is not installed/);
      expect(refused.stderr).toMatch(/install dbus-send .*dbus-bin.*nothing was changed/);
      expect(refused.stderr).not.toMatch(/removed outside Keyturn|holds no secret/);
    }
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);
    expect(recordNames(home)[0]?.lastVerification).toBeUndefined();

    await keyring.unlock();
    expect(await keyturn(home, ['key', 'get', 'xora/acme/main/ci'])).toMatchObject({ code: 0, stdout: `${secret}\n` });
  });

  it('a dbus-send that fails is no answer either: key remove exits 3 and changes nothing', async () => {
    const home = tempHome();
    expect((await keyturn(home, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await keyturn(home, ['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], sampleKeys.xora())).code).toBe(0);
    const before = readFileSync(join(home, 'vault.json'), 'utf8');
    await keyring.lock();
    const removed = await keyturn(home, ['key', 'remove', 'xora/acme/main/ci'], '', withoutDbusSend(home, '#!/bin/sh\necho "Error org.freedesktop.DBus.Error.NoReply" >&2\nexit 1\n'));
    expect(removed.code).toBe(3);
    expect(removed.stderr).toMatch(/cannot tell a locked keychain from a missing secret here: the Secret Service search through dbus-send failed \(Error org\.freedesktop\.DBus\.Error\.NoReply\).*nothing was changed/);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);
  });

  it('a secret really missing from an unlocked keychain is still reported as missing', async () => {
    const home = tempHome();
    expect((await keyturn(home, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await keyturn(home, ['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], sampleKeys.xora())).code).toBe(0);
    // Remove the keychain item behind Keyturn's back, then ask for it.
    const vaultId = (JSON.parse(readFileSync(join(home, 'vault-id.json'), 'utf8')) as { vaultId: string }).vaultId;
    const id = recordNames(home).map((k) => (k as unknown as { id: string }).id)[0] ?? '';
    const removedBehind = spawn(process.execPath, ['-e', `require('keytar').deletePassword(${JSON.stringify(`keyturn:${vaultId}`)}, ${JSON.stringify(id)}).then((ok) => process.exit(ok ? 0 : 1))`], { env: keyring.env, stdio: 'inherit' });
    expect(await new Promise((resolve) => removedBehind.on('exit', resolve))).toBe(0);

    const got = await keyturn(home, ['key', 'get', 'xora/acme/main/ci']);
    expect(got.code).toBe(3);
    expect(got.stderr).toMatch(/holds no secret .* removed outside Keyturn/);
  });

  it('no keychain service at all is "unavailable", not a missing secret, and key remove changes nothing', async () => {
    const home = tempHome();
    expect((await keyturn(home, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await keyturn(home, ['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], sampleKeys.xora())).code).toBe(0);
    const before = readFileSync(join(home, 'vault.json'), 'utf8');
    const noBus = { ...keyring.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-such-bus')}` };

    const got = await keyturn(home, ['key', 'get', 'xora/acme/main/ci'], '', noBus);
    expect(got.code).toBe(3);
    expect(got.stderr).toMatch(/keychain is unavailable \(this session has no D-Bus session bus to reach it through: .*\): log in to a desktop session, or work in a shell with a private keyring/);
    const removed = await keyturn(home, ['key', 'remove', 'xora/acme/main/ci'], '', noBus);
    expect(removed.code).toBe(3);
    expect(removed.stderr).toMatch(/keychain is unavailable.*nothing was changed/);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);
  });
});
