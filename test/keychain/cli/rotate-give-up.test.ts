import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keychainServiceFor } from '../../../electron/core/node/store/home.js';
import { readAuditLog } from '../../../electron/core/node/audit/verify-log.js';
import { join } from 'node:path';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { noraKeyWithTarget } from '../../support/nora-fixture.js';
import { keychainEntries } from '../../support/private-keychain.js';
import { vaultIdOf, vaultState } from '../../support/temp-home.js';
import type { Rotation } from '../../../electron/core/domain/model.js';

interface Listed { id: string; name: string; status: string; pendingFor: string | null }

/** A Nora key of the right shape for production that the provider never issued: the check at the swap rejects it. */
const unknownLiveKey = () => `sk_live_${'Q'.repeat(16)}${Math.random().toString(36).slice(2, 10).padEnd(16, 'z')}`;

describe('keyturn rotate --abandon and --resume --different-key', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  afterEach(() => {
    for (const e of [emulators.xora, emulators.nexora, emulators.nora, emulators.xerotier]) e.control.clearFaults();
  });

  const rotations = async (run: (argv: string[]) => Promise<{ stdout: string }>) => JSON.parse((await run(['rotation', 'status', '--json'])).stdout) as Rotation[];

  it('abandoning a guided rotation whose pasted key was wrong: the .env gets the old key back, the pending key leaves the keychain, the old key stays current', async () => {
    const { home, run, ref, old, env } = await noraKeyWithTarget(emulators.nora);
    const before = readFileSync(env, 'utf8');
    const wrong = unknownLiveKey();
    const stopped = await run(['rotate', ref, '--yes', '--new-key-stdin'], wrong);
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stdout).toMatch(/rotation stopped at swap failed: the new key is not proven to work \(rejected/);
    const listed = JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
    expect(listed.map((k) => [k.status, k.pendingFor !== null])).toEqual([['active', false], ['pending', true]]);

    const abandoned = await run(['rotate', ref, '--abandon']);
    expect(abandoned.code, abandoned.stderr).toBe(0);
    expect(abandoned.stdout).toContain(`rotation abandoned: the new key was removed from the vault and the keychain; ${ref}`);
    expect(abandoned.stdout).toMatch(/the new key still works at the provider: revoke it in the dashboard/);
    expect(readFileSync(env, 'utf8')).toBe(before);
    expect((await run(['key', 'get', ref])).stdout).toBe(`${old.secret}\n`);
    expect((JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[]).map((k) => [k.name, k.status])).toEqual([['backend', 'active']]);
    const entries = await keychainEntries(keychainServiceFor(vaultIdOf(home)));
    expect(Object.values(entries)).not.toContain(wrong);
    const [rotation] = await rotations(run);
    expect(rotation).toMatchObject({ state: 'abandoned', finishedAt: expect.any(String), abandoned: { newKeyAtProvider: 'still-works', restoredTargets: 0 } });
    expect(rotation?.journal.at(-1)).toMatchObject({ step: 'rotation', event: 'end', detail: expect.stringMatching(/^abandoned/) });
    expect(readAuditLog(join(home, 'audit.log')).entries.map((e) => e?.action)).toContain('rotation.abandoned');
    // Nothing is left to resume, and a second abandon is refused as over.
    expect((await run(['rotate', ref, '--resume', '--yes'])).stderr).toMatch(/no rotation of .* is in progress/);
    const again = await run(['rotate', ref, '--abandon']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/abandoned already: nothing was changed/);
  });

  it('using a different key: the wrong pasted key is removed, the new one is asked for again, and the rotation finishes with it', async () => {
    const { home, run, ref, old, env, org } = await noraKeyWithTarget(emulators.nora);
    const wrong = unknownLiveKey();
    expect((await run(['rotate', ref, '--yes', '--new-key-stdin'], wrong)).code).toBe(1);
    const [stopped] = await rotations(run);
    const fresh = emulators.nora.control.createKey({ name: 'backend-2', env: 'production', org });
    const finished = await run(['rotate', ref, '--resume', '--different-key', '--yes', '--new-key-stdin', '--revoke-wait', '10'], `${fresh.secret}\n`, (text) => {
      if (text.includes('Revoke the old key in the dashboard')) emulators.nora.control.revokeKey(old.id);
    });
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stderr).toContain('the pasted new key was removed: paste a different one');
    expect(finished.stdout).toMatch(/rotation complete/);
    expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${fresh.secret}\n`);
    expect((await run(['key', 'get', ref])).stdout).toBe(`${fresh.secret}\n`);
    const entries = await keychainEntries(keychainServiceFor(vaultIdOf(home)));
    expect(Object.values(entries)).not.toContain(wrong);
    const [rotation] = await rotations(run);
    expect(rotation?.state).toBe('completed');
    expect(rotation?.discardedKeyIds).toEqual([stopped?.newKeyId]);
  });

  it('a different key for a key the provider API created is refused, saying to abandon, and changes nothing', async () => {
    const { home, run } = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name: 'backend', variable: 'NEXORA_API_KEY' });
    emulators.nexora.control.setFault({ status: 503, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
    expect((await run(['rotate', 'nexora/acme/self/backend', '--yes'])).code).toBe(1);
    emulators.nexora.control.clearFaults();
    const before = await vaultState(home);
    const refused = await run(['rotate', 'nexora/acme/self/backend', '--resume', '--different-key', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/created the new key .* by its API, so there is no different key to paste: abandon the rotation with "keyturn rotate nexora\/acme\/self\/backend --abandon"/);
    expect(await vaultState(home)).toEqual(before);
  });

  it('abandoning a Nexora rotation after its swap: the new key is revoked at Nexora, the .env holds the old key again, every other line kept', async () => {
    const { run, user, old, env } = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name: 'backend', variable: 'NEXORA_API_KEY' });
    // The verify fails after the swap wrote the new key: the rotation stops at verify.
    let swapped = false;
    const stopped = await run(['rotate', 'nexora/acme/self/backend', '--yes'], '', (text) => {
      if (!swapped && text.includes('✔ Swap it in')) {
        swapped = true;
        emulators.nexora.control.setFault({ status: 503, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
      }
    });
    emulators.nexora.control.clearFaults();
    expect(stopped.code, stopped.stdout).toBe(1);
    expect(readFileSync(env, 'utf8')).not.toContain(old.secret);
    const abandoned = await run(['rotate', 'nexora/acme/self/backend', '--abandon']);
    expect(abandoned.code, abandoned.stderr).toBe(0);
    expect(abandoned.stdout).toContain('1 swap target(s) hold the old key again');
    expect(abandoned.stdout).toContain('the new key was revoked at the provider');
    expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
    expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id).map((k) => [k.id === old.id, k.status])).toEqual([[true, 'active'], [false, 'revoked']]);
    expect((await run(['key', 'get', 'nexora/acme/self/backend'])).stdout).toBe(`${old.secret}\n`);
  });

  it('abandon is refused once the old key is being revoked, and the rotation can still be finished', async () => {
    const { run, ref, old, org } = await noraKeyWithTarget(emulators.nora);
    const fresh = emulators.nora.control.createKey({ name: 'backend-2', env: 'production', org });
    // The guided revoke waits for the old key's 401, which never comes: the rotation stops in revoke.
    const stopped = await run(['rotate', ref, '--yes', '--new-key-stdin', '--revoke-wait', '1'], fresh.secret);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/rotation stopped at revoke failed/);
    const refused = await run(['rotate', ref, '--abandon']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the old key's revoke has started, so the rotation of .* can no longer be abandoned: finish it with "keyturn rotate .* --resume"/);
    emulators.nora.control.revokeKey(old.id);
    expect((await run(['rotate', ref, '--resume', '--yes', '--revoke-wait', '5'])).code).toBe(0);
  });
});
