import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { noraKeyWithTarget } from '../../support/nora-fixture.js';
import { vaultState } from '../../support/temp-home.js';

interface Listed { name: string; status: string }

/**
 * "Check it works" proves something: a new key whose verify call answers anything but a 2xx with
 * the API's own body (or a 403) is never swapped in — the rotation stops before the first target is
 * written — never becomes the current key, and the old key is never revoked, by API or by the guide.
 */
describe('keyturn rotate stops at verify on an answer that proves nothing', () => {
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


  it('a mistyped --verify-path on a Nora instance (404 for every key) stops before the swap; the old key stays current, alive and in the .env', async () => {
    // `/v2instance` for `/v2/instance`: outside /v2, Nora answers 404 whatever the key.
    const { run, old, env, org, ref } = await noraKeyWithTarget(emulators.nora, { verifyPath: '/v2instance' });
    const fresh = emulators.nora.control.createKey({ name: 'backend-2026-12', env: 'production', org });
    let guidedToRevoke = false;
    const result = await run(['rotate', ref, '--yes', '--new-key-stdin', '--revoke-wait', '1'], `${fresh.secret}\n`, (text) => {
      if (text.includes('Revoke the old key')) guidedToRevoke = true;
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `rotation stopped at swap failed: the new key is not proven to work (unknown: Nora answered 404 (not found), which proves nothing about the key: this Nora does not serve the verify path GET /v2instance; set a cheap authenticated GET this Nora does serve with "keyturn instance set nora/${org}/live --verify-path /v2/…" (or check the base URL)), so it was written to no swap target`,
    );
    expect(guidedToRevoke).toBe(false);
    expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${old.secret}\n`);
    expect(emulators.nora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    // The old key keeps its name and stays the current key; the new one is still pending.
    expect((await run(['key', 'get', ref])).stdout).toBe(`${old.secret}\n`);
    const keys = JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
    expect(keys.find((k) => k.name === 'backend')?.status).toBe('active');
    expect(keys.filter((k) => k.status === 'revoked' || k.status === 'previous')).toEqual([]);
    expect((await run(['rotation', 'status'])).stdout).toMatch(new RegExp(`${ref} .* in-progress +swap failed`));

    // The path put right, the resumed rotation verifies the new key, then revokes the old one.
    const fixed = await run(['instance', 'set', `nora/${org}/live`, '--verify-path', NORA_KEYS_PATH]);
    expect(fixed, fixed.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`nora/${org}/live: keys are verified with GET http://127\\.0\\.0\\.1:\\d+/v2/api-keys`)) });
    const resumed = await run(['rotate', ref, '--resume', '--yes', '--revoke-wait', '10'], '', (text) => {
      if (text.includes('Revoke the old key in the dashboard')) emulators.nora.control.revokeKey(old.id);
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await run(['key', 'get', ref])).stdout).toBe(`${fresh.secret}\n`);
  });

  it('a 431 on the new key’s verify call stops a Nexora rotation before the swap; the old key is never revoked by API', async () => {
    const { run, old, user, env } = await nexoraKeyWithTarget(emulators.nexora, { env: 'production', name: 'backend', variable: 'NEXORA_API_KEY' });
    emulators.nexora.control.setFault({ status: 431, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
    const result = await run(['rotate', 'nexora/acme/self/backend', '--yes', '--revoke-wait', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/rotation stopped at swap failed: the new key is not proven to work \(unknown: Nexora answered 431 \(request header too large\), which proves nothing/);
    expect(readFileSync(env, 'utf8')).toContain(`NEXORA_API_KEY=${old.secret}`);
    expect(emulators.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    expect(emulators.nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith(old.id))).toEqual([]);
    expect((await run(['key', 'get', 'nexora/acme/self/backend'])).stdout).toBe(`${old.secret}\n`);
    // Once the provider answers as itself, the resumed rotation finishes with exactly one live key.
    emulators.nexora.control.clearFaults();
    const resumed = await run(['rotate', 'nexora/acme/self/backend', '--resume', '--yes']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
  });

  it('a 404 on the new key’s verify call (a gateway) stops before the swap too', async () => {
    const { run, old, env } = await nexoraKeyWithTarget(emulators.nexora, { env: 'production', name: 'backend', variable: 'NEXORA_API_KEY' });
    emulators.nexora.control.setFault({ status: 404, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
    const result = await run(['rotate', 'nexora/acme/self/backend', '--yes', '--revoke-wait', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/rotation stopped at swap failed: the new key is not proven to work \(unknown: Nexora answered 404/);
    expect(readFileSync(env, 'utf8')).toContain(`NEXORA_API_KEY=${old.secret}`);
    expect(emulators.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    expect(emulators.nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith(old.id))).toEqual([]);
  });

  it('a key without swap targets that answers 404 stops at verify: it never becomes the current key', async () => {
    const { run, old } = await nexoraKeyWithTarget(emulators.nexora, { env: 'production', name: 'backend', variable: 'NEXORA_API_KEY' });
    const [target] = JSON.parse((await run(['target', 'list', 'nexora/acme/self/backend', '--json'])).stdout) as { id: string }[];
    expect((await run(['target', 'remove', 'nexora/acme/self/backend', target?.id ?? 'none'])).code).toBe(0);
    emulators.nexora.control.setFault({ status: 404, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
    const result = await run(['rotate', 'nexora/acme/self/backend', '--yes', '--revoke-wait', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/rotation stopped at verify failed: the new key is unknown \(Nexora answered 404/);
    expect((await run(['key', 'get', 'nexora/acme/self/backend'])).stdout).toBe(`${old.secret}\n`);
    expect(emulators.nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith(old.id))).toEqual([]);
  });

  it('a 20 KB "key" pasted in a guided rotation is refused: nothing is stored, swapped or sent', async () => {
    const { home, run, env, old, ref } = await noraKeyWithTarget(emulators.nora);
    const before = await vaultState(home);
    const sent = emulators.nora.control.requests().length;
    const huge = `sk_live_${'a'.repeat(20 * 1024)}`;
    const result = await run(['rotate', ref, '--yes', '--new-key-stdin'], `${huge}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/this is 20488 characters long; a Nora key has at most 256: copy only the key; nothing was stored/);
    expect(result.stdout + result.stderr).not.toContain(huge.slice(0, 64));
    expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${old.secret}\n`);
    expect(emulators.nora.control.requests()).toHaveLength(sent);
    const keys = JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
    expect(keys.map((k) => [k.name, k.status])).toEqual([['backend', 'active']]);
    // Bad input changes nothing: no secret, no rotation, no line in the audit log.
    expect(await vaultState(home)).toEqual(before);
  });
});
