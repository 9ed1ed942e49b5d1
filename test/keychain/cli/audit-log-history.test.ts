// The audit log and its keychain record deleted together, in a vault with keys and a rotation on
// record: vault.json knows the log had entries, so `log verify` fails and names the missing file
// and how many entries it expected. A crash between vault.json's write and the log's append never
// reads as a loss.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_HEAD_ACCOUNT } from '../../../electron/core/audit/keychain-head.js';
import { keychainServiceFor } from '../../../electron/core/node/store/home.js';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { privateKeychain } from '../../support/private-keychain.js';
import { tempHome, vaultIdOf } from '../../support/temp-home.js';

interface Verified {
  ok: boolean;
  entries: number;
  expectedAtLeast: number;
  problems: { line: number | null; problem: string }[];
}

describe('keyturn log verify against the history vault.json records', () => {
  let emulators: AllEmulators;
  let home: string;
  let run: Awaited<ReturnType<typeof nexoraKeyWithTarget>>['run'];
  let logFile: string;
  let service: string;
  const logLines = () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
  const vaultJson = () => JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as Record<string, unknown> & { auditLog?: { entriesAtLeast: number } };
  const verify = async () => {
    const result = await run(['log', 'verify', '--json']);
    return { code: result.code, json: JSON.parse(result.stdout) as Verified };
  };

  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  beforeEach(async () => {
    ({ home, run } = await nexoraKeyWithTarget(emulators.nexora, { env: 'production', name: 'backend', variable: 'NEXORA_API_KEY' }));
    expect((await run(['rotate', 'nexora/acme/self/backend', '--yes'])).code).toBe(0);
    expect((await run(['key', 'add', 'nexora/acme/self', 'ci', '--no-verify'], sampleKeys.nexora())).code).toBe(0);
    logFile = join(home, 'audit.log');
    service = keychainServiceFor(vaultIdOf(home));
    privateKeychain();
    expect((await verify()).json.ok).toBe(true);
  });

  const deleteHead = async () => expect(await keytar.deletePassword(service, AUDIT_HEAD_ACCOUNT)).toBe(true);

  it('fails when audit.log and its keychain record are both deleted, naming the file and the entries expected', async () => {
    const written = logLines().length;
    rmSync(logFile);
    await deleteHead();
    const result = await run(['log', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('intact');
    const floor = vaultJson().auditLog?.entriesAtLeast ?? 0;
    // The floor is the log's length at vault.json's last write: more than the first entry, at most what was written.
    expect(floor).toBeGreaterThan(1);
    expect(floor).toBeLessThanOrEqual(written);
    expect(result.stdout).toContain(`${logFile} is missing, but ${join(home, 'vault.json')} records that at least ${floor} entries were written: the log was deleted or emptied`);
    expect((await verify()).json).toMatchObject({ ok: false, entries: 0, expectedAtLeast: floor });

    // The floor is never lowered: new entries in a new log do not make up for the lost ones.
    expect((await run(['key', 'add', 'nexora/acme/self', 'later', '--no-verify'], sampleKeys.nexora())).code).toBe(0);
    expect(vaultJson().auditLog?.entriesAtLeast).toBe(floor);
    const after = await verify();
    expect(after.code).toBe(1);
    expect(after.json.problems.map((p) => p.problem)).toContain(`the log holds 1 entry, but ${join(home, 'vault.json')} records that at least ${floor} entries were written: entries were removed, or the file was replaced by a shorter one`);
  });

  it('fails on an emptied log, and on one cut short, with the keychain record gone', async () => {
    const lines = logLines();
    await deleteHead();
    writeFileSync(logFile, '');
    const emptied = await verify();
    expect(emptied.code).toBe(1);
    expect(emptied.json.problems.map((p) => p.problem).join('\n')).toContain(`${logFile} is empty, but`);
    writeFileSync(logFile, `${lines.slice(0, 1).join('\n')}\n`);
    const cut = await verify();
    expect(cut.code).toBe(1);
    expect(cut.json.problems.map((p) => p.problem).join('\n')).toMatch(/the log holds 1 entry, but .* records that at least \d+ entries were written/);
  });

  it('fails on a deleted log in a vault written before the count was recorded, from the records it holds', async () => {
    const { auditLog: _dropped, ...older } = vaultJson();
    writeFileSync(join(home, 'vault.json'), JSON.stringify(older));
    rmSync(logFile);
    await deleteHead();
    const result = await run(['log', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${logFile} is missing, but ${join(home, 'vault.json')} holds 1 instance, 3 keys, 1 rotation, each recorded in the log when made (at least 1 entry)`);
  });

  it('reads a crash between the vault.json write and the log append as intact, not as a loss', async () => {
    const before = readFileSync(logFile, 'utf8');
    const head = await keytar.getPassword(service, AUDIT_HEAD_ACCOUNT);
    expect((await run(['key', 'add', 'nexora/acme/self', 'crashed', '--no-verify'], sampleKeys.nexora())).code).toBe(0);
    // What a crash right after vault.json's write leaves: the log and its keychain record as they were.
    writeFileSync(logFile, before);
    await keytar.setPassword(service, AUDIT_HEAD_ACCOUNT, head ?? '');
    const result = await verify();
    expect(result.json.problems).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.json.expectedAtLeast).toBeLessThanOrEqual(result.json.entries);
  });

  it('reads a crash on a new vault’s first write (before its first entry) as intact, not as a deleted log', async () => {
    const fresh = tempHome();
    const runFresh = cliFor(fresh);
    expect((await runFresh(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    // What a crash right after that first vault.json write leaves: no log, no keychain record of it.
    rmSync(join(fresh, 'audit.log'));
    await keytar.deletePassword(keychainServiceFor(vaultIdOf(fresh)), AUDIT_HEAD_ACCOUNT);
    const result = await runFresh(['log', 'verify', '--json']);
    expect((JSON.parse(result.stdout) as Verified).problems).toEqual([]);
    expect(result.code).toBe(0);
  });
});
