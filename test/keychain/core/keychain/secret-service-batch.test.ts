import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import keytar from 'keytar';
import pLimit from 'p-limit';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../../electron/core/node/keychain/keytar-secret-store.js';
import { keychainFailure } from '../../../../electron/core/keychain/keychain-failure.js';
import { readSecretsOverDbus } from '../../../../electron/core/node/keychain/secret-service-batch.js';
import { KeychainLockedError, KeychainUnavailableError } from '../../../../electron/core/ports/secret-store.js';
import { startOwnKeyring } from '../../../support/own-keyring.js';

const run = promisify(execFile);

/**
 * The batch reader talks to the Secret Service itself: it must read exactly the items keytar
 * writes, and answer and fail as keytar's per-key reads do.
 */
describe('reading a batch of secrets over D-Bus', () => {
  const service = `keyturn:test-batch-${randomUUID()}`;
  const written: string[] = [];
  afterAll(async () => {
    const slot = pLimit(4);
    await Promise.all(written.map((account) => slot(() => keytar.deletePassword(service, account))));
  });

  it('returns for 50 keys written by keytar exactly what per-key reads return, and null for accounts with no item', async () => {
    const accounts = Array.from({ length: 50 }, () => randomUUID());
    const slot = pLimit(4);
    // Some secrets with what a key may hold beyond ASCII hex: a UTF-8 character, symbols.
    await Promise.all(accounts.map((account, i) => slot(() => keytar.setPassword(service, account, `sk_live_${randomBytes(12).toString('hex')}${i % 7 === 0 ? '-é/+=' : ''}`))));
    written.push(...accounts);
    const missing = [randomUUID(), randomUUID()];
    const store = new KeytarSecretStore();

    const batch = await readSecretsOverDbus(service, [...accounts, ...missing]);
    const perKey = await Promise.all([...accounts, ...missing].map((account) => slot(() => store.get(service, account))));

    expect([...batch.keys()]).toEqual([...accounts, ...missing]);
    expect([...batch.values()]).toEqual(perKey);
    expect(perKey.slice(0, 50).every((secret) => typeof secret === 'string' && secret.startsWith('sk_live_'))).toBe(true);
    expect(missing.map((account) => batch.get(account))).toEqual([null, null]);
    // The store's readMany is the same read.
    expect(await store.readMany(service, [...accounts, ...missing])).toEqual(batch);
  });

  it('reads only the accounts asked for, and a service with no items at all as all null', async () => {
    const [first, second] = written;
    const some = await readSecretsOverDbus(service, [first as string]);
    expect([...some.keys()]).toEqual([first]);
    expect(some.get(first as string)).toBe(await keytar.getPassword(service, first as string));
    expect(second).toBeDefined();
    expect(await readSecretsOverDbus(`keyturn:test-batch-${randomUUID()}`, [randomUUID()])).toEqual(new Map([[expect.any(String), null]]));
  });

  it('throws KeychainLockedError for a locked collection, with no secret in the error', async () => {
    const keyring = await startOwnKeyring();
    try {
      const account = randomUUID();
      const secret = `sk_live_${randomBytes(16).toString('hex')}`;
      // keytar in this process stays on the suite's keyring: write through a child on the test's own.
      await run(process.execPath, ['-e', `require('keytar').setPassword(process.argv[1], process.argv[2], process.argv[3]).then(() => process.exit(0), () => process.exit(1))`, service, account, secret], { env: keyring.env });
      const unlocked = await readSecretsOverDbus(service, [account], { busAddress: keyring.env.DBUS_SESSION_BUS_ADDRESS });
      expect(unlocked.get(account)).toBe(secret);

      await keyring.lock();
      const error = await readSecretsOverDbus(service, [account], { busAddress: keyring.env.DBUS_SESSION_BUS_ADDRESS }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeychainLockedError);
      expect(error).toMatchObject({ problem: { code: 'keychain.locked' } });
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(secret);
    } finally {
      await keyring.close();
    }
  });

  it('a session bus without a Secret Service is unavailable in the same words as a per-key read; no bus at all falls back to per-key reads', async () => {
    const root = mkdtempSync(join(tmpdir(), 'keyturn-bare-bus-'));
    // A bus with no service files: nothing can be activated as org.freedesktop.secrets.
    const config = join(root, 'bus.conf');
    writeFileSync(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path=${join(root, 'bus')}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    );
    const bus = spawn('dbus-daemon', ['--nofork', '--print-address=1', `--config-file=${config}`], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const address = await new Promise<string>((resolve) => {
        let out = '';
        bus.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
      });
      const error = await readSecretsOverDbus(service, [randomUUID()], { busAddress: address }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeychainUnavailableError);
      // keytar's own failure on that bus, mapped as the per-key path maps it.
      const { stdout } = await run(process.execPath, ['-e', `require('keytar').getPassword('s', 'a').then(() => console.log('answered'), (e) => console.log(e.message))`], {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
      });
      expect((error as KeychainUnavailableError).problem).toEqual(keychainFailure(stdout.split('\n')[0] ?? '').problem);
      expect((error as KeychainUnavailableError).problem).toMatchObject({ code: 'keychain.unavailable', cause: expect.stringMatching(/^no Secret Service such as gnome-keyring runs in this session: /) });
    } finally {
      const exited = new Promise((resolve) => bus.once('exit', resolve));
      bus.kill('SIGTERM');
      await exited;
      rmSync(root, { recursive: true, force: true });
    }
    // No bus address: the store reads key by key (here the suite's keyring answers through keytar).
    const [account] = written;
    const store = new KeytarSecretStore({ batchRead: (s, a) => readSecretsOverDbus(s, a, { busAddress: '' }) });
    expect((await store.readMany(service, [account as string])).get(account as string)).toBe(await keytar.getPassword(service, account as string));
  });
});
