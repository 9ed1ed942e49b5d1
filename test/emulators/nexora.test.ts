import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NEXORA_DEFAULT_USER, NEXORA_KEY_PATTERN, startEmulator } from './index.js';
import type { NexoraEmulator } from './index.js';
import { call, manualClock, postJson } from './test-client.js';

const created = z.strictObject({ id: z.string(), name: z.string(), key: z.string(), created_at: z.string(), last_used_at: z.string().nullable() });
// Only the fields the document shows (create's, without the secret): strict, so a `prefix` fails it.
const listed = z.array(z.strictObject({ id: z.string(), name: z.string(), created_at: z.string(), last_used_at: z.string().nullable() }));
const listedWithPrefix = z.array(z.strictObject({ id: z.string(), name: z.string(), created_at: z.string(), last_used_at: z.string().nullable(), prefix: z.string() }));
const token = z.strictObject({ access_token: z.string(), token_type: z.literal('bearer') });

describe('Nexora emulator', () => {
  let nexora: NexoraEmulator;
  const clock = manualClock();
  beforeEach(async () => {
    nexora = await startEmulator('nexora', { now: clock.now });
  });
  afterEach(() => nexora.close());

  const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const keysUrl = () => `${nexora.baseUrl()}/users/me/api-keys`;
  const list = (secret: string) => call(keysUrl(), { headers: auth(secret) });
  const create = (secret: string, body: unknown) => postJson(keysUrl(), body, auth(secret));
  const rotate = (secret: string, id: string) => call(`${keysUrl()}/${id}/rotate`, { method: 'POST', headers: auth(secret) });
  const revoke = (secret: string, id: string) => call(`${keysUrl()}/${id}`, { method: 'DELETE', headers: auth(secret) });

  it('serves under /api and mints nxr_ keys of 40 characters after the prefix', () => {
    expect(nexora.baseUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(nexora.control.createKey({ name: 'k' }).secret).toMatch(NEXORA_KEY_PATTERN);
  });

  it('lists the caller’s keys with only the documented fields by default: no prefix, last_used_at never set', async () => {
    const a = nexora.control.createKey({ name: 'laptop' });
    const b = nexora.control.createKey({ name: 'CI pipeline' });
    const answer = await list(a.secret);
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(a.secret);
    expect(answer.text).not.toContain(b.secret);
    expect(listed.parse(answer.json())).toEqual([
      { id: a.id, name: 'laptop', created_at: a.createdAt, last_used_at: null },
      { id: b.id, name: 'CI pipeline', created_at: b.createdAt, last_used_at: null },
    ]);
    await call(`${nexora.baseUrl()}/agents`, { headers: auth(a.secret) });
    expect(nexora.control.keys().map((k) => k.lastUsedAt)).toEqual([null, null]);
  });

  it('with listPrefix, the list also shows each key’s first 8 characters', async () => {
    const withPrefix = await startEmulator('nexora', { now: clock.now, nexora: { listPrefix: true } });
    try {
      const a = withPrefix.control.createKey({ name: 'laptop' });
      const answer = await call(`${withPrefix.baseUrl()}/users/me/api-keys`, { headers: auth(a.secret) });
      expect(listedWithPrefix.parse(answer.json())).toEqual([{ id: a.id, name: 'laptop', created_at: a.createdAt, last_used_at: null, prefix: `${a.secret.slice(0, 8)}…` }]);
    } finally {
      await withPrefix.close();
    }
  });

  it('mints keys of another length and alphabet when asked (the docs give neither)', async () => {
    const other = await startEmulator('nexora', { nexora: { keyLength: 64, keyAlphabet: 'base64url' } });
    try {
      const secrets = Array.from({ length: 20 }, (_, i) => other.control.createKey({ name: `k${i}` }).secret);
      for (const secret of secrets) expect(secret).toMatch(/^nxr_[A-Za-z0-9_-]{64}$/);
      expect(secrets.some((s) => /[-_]/.test(s.slice(4)))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('creates a key (201), shows its value once, and the new key works', async () => {
    const admin = nexora.control.createKey({ name: 'admin' });
    const answer = await create(admin.secret, { name: 'CI pipeline' });
    expect(answer.status).toBe(201);
    const body = created.parse(answer.json());
    expect(body).toMatchObject({ name: 'CI pipeline', last_used_at: null, created_at: clock.now().toISOString() });
    expect(body.key).toMatch(NEXORA_KEY_PATTERN);
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await list(body.key)).status).toBe(200);
    expect(nexora.control.keys().find((k) => k.id === body.id)?.secret).toBe(body.key);
  });

  it('answers 422 with a detail array for a bad body, and for malformed JSON', async () => {
    const { secret } = nexora.control.createKey({ name: 'k' });
    for (const body of [{}, { name: '' }, { name: 42 }]) {
      const answer = await create(secret, body);
      expect(answer.status).toBe(422);
      expect(answer.json()).toEqual({ detail: [expect.objectContaining({ loc: ['body', 'name'], msg: expect.any(String), type: expect.any(String) })] });
    }
    const malformed = await call(keysUrl(), { method: 'POST', headers: { ...auth(secret), 'content-type': 'application/json' }, body: '{"name": "x' });
    expect(malformed.status).toBe(422);
    expect(malformed.json()).toMatchObject({ detail: [{ type: 'json_invalid', loc: ['body', 0] }] });
    expect(nexora.control.keys()).toHaveLength(1);
  });

  it('rotates in place: same id, new value, the old value dead at once', async () => {
    const admin = nexora.control.createKey({ name: 'admin' });
    const target = nexora.control.createKey({ name: 'service' });
    await list(target.secret);
    const answer = await rotate(admin.secret, target.id);
    expect(answer.status).toBe(200);
    const body = created.parse(answer.json());
    expect(body).toMatchObject({ id: target.id, name: 'service', created_at: target.createdAt, last_used_at: null });
    expect(body.key).not.toBe(target.secret);
    expect(body.key).toMatch(NEXORA_KEY_PATTERN);
    expect((await list(target.secret)).status).toBe(401);
    expect((await list(body.key)).status).toBe(200);
  });

  it('a key can rotate itself, and then its old value is refused', async () => {
    const key = nexora.control.createKey({ name: 'self' });
    const body = created.parse((await rotate(key.secret, key.id)).json());
    expect((await list(key.secret)).status).toBe(401);
    expect((await list(body.key)).status).toBe(200);
  });

  it('revokes with DELETE (204): the key is refused and leaves the list', async () => {
    const admin = nexora.control.createKey({ name: 'admin' });
    const old = nexora.control.createKey({ name: 'old' });
    const answer = await revoke(admin.secret, old.id);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect((await list(old.secret)).json()).toEqual({ detail: 'Invalid or missing API key' });
    expect(listed.parse((await list(admin.secret)).json()).map((k) => k.id)).toEqual([admin.id]);
    expect(nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
    expect((await revoke(admin.secret, old.id)).json()).toEqual({ detail: 'Not found' });
  });

  it('answers 404 for an unknown id and for another user’s key', async () => {
    const mine = nexora.control.createKey({ name: 'mine' });
    const other = nexora.control.createUser({ email: 'other@nexora.test', password: 'pw' });
    const theirs = nexora.control.createKey({ name: 'theirs', userId: other.id });
    for (const id of ['00000000-0000-0000-0000-000000000000', theirs.id]) {
      expect(await rotate(mine.secret, id)).toMatchObject({ status: 404, text: '{"detail":"Not found"}' });
      expect(await revoke(mine.secret, id)).toMatchObject({ status: 404, text: '{"detail":"Not found"}' });
    }
    expect(listed.parse((await list(mine.secret)).json()).map((k) => k.id)).toEqual([mine.id]);
    expect(listed.parse((await list(theirs.secret)).json()).map((k) => k.id)).toEqual([theirs.id]);
    expect(nexora.control.keys().map((k) => k.status)).toEqual(['active', 'active']);
  });

  it('answers 401 with a detail for a missing, unknown, revoked or expired key', async () => {
    const revoked = nexora.control.createKey({ name: 'r' });
    const expired = nexora.control.createKey({ name: 'e' });
    nexora.control.revokeKey(revoked.id);
    nexora.control.expireKey(expired.id);
    const headers: Record<string, string>[] = [{}, auth(`nxr_${'a'.repeat(40)}`), auth(revoked.secret), auth(expired.secret), { 'x-api-key': expired.secret }];
    for (const h of headers) {
      const answer = await call(`${nexora.baseUrl()}/agents`, { headers: h });
      expect(answer.status).toBe(401);
      expect(answer.json()).toEqual({ detail: 'Invalid or missing API key' });
    }
  });

  it('a restricted key is valid (403 on key management, 200 elsewhere)', async () => {
    const key = nexora.control.createKey({ name: 'read-only', permissions: 'restricted' });
    for (const answer of [await list(key.secret), await create(key.secret, { name: 'x' }), await rotate(key.secret, key.id), await revoke(key.secret, key.id)]) {
      expect(answer.status).toBe(403);
      expect(answer.json()).toEqual({ detail: 'Insufficient permissions' });
    }
    const agents = await call(`${nexora.baseUrl()}/agents`, { headers: auth(key.secret) });
    expect(agents.status).toBe(200);
    expect(Array.isArray(agents.json())).toBe(true);
    expect(nexora.control.keys()[0]?.status).toBe('active');
  });

  it('with lastUsedAt on-every-call, every authenticated request sets last_used_at, and a list shows its own call', async () => {
    await nexora.close();
    nexora = await startEmulator('nexora', { now: clock.now, nexora: { lastUsedAt: 'on-every-call' } });
    const key = nexora.control.createKey({ name: 'k' });
    expect(key.lastUsedAt).toBeNull();
    await call(`${nexora.baseUrl()}/agents`, { headers: auth(key.secret) });
    const first = clock.now().toISOString();
    expect(nexora.control.keys()[0]?.lastUsedAt).toBe(first);
    clock.advance(60_000);
    const [item] = listed.parse((await list(key.secret)).json());
    expect(item?.last_used_at).toBe(clock.now().toISOString());
    expect(item?.last_used_at).not.toBe(first);
  });

  it('with lastUsedAt after-answer, a call sets last_used_at only after its own answer', async () => {
    await nexora.close();
    nexora = await startEmulator('nexora', { now: clock.now, nexora: { lastUsedAt: 'after-answer' } });
    const key = nexora.control.createKey({ name: 'k' });
    const firstAt = clock.now().toISOString();
    expect(listed.parse((await list(key.secret)).json())[0]?.last_used_at).toBeNull();
    expect(nexora.control.keys()[0]?.lastUsedAt).toBe(firstAt);
    clock.advance(1_000);
    expect(listed.parse((await list(key.secret)).json())[0]?.last_used_at).toBe(firstAt);
    expect(nexora.control.keys()[0]?.lastUsedAt).toBe(clock.now().toISOString());
  });

  it('logs in with email and password; the JWT authenticates until it expires', async () => {
    const login = await postJson(`${nexora.baseUrl()}/auth/login`, { email: NEXORA_DEFAULT_USER.email, password: NEXORA_DEFAULT_USER.password });
    expect(login.status).toBe(200);
    const { access_token } = token.parse(login.json());
    expect(access_token.split('.')).toHaveLength(3);
    const mine = nexora.control.createKey({ name: 'mine' });
    expect(listed.parse((await list(access_token)).json()).map((k) => k.id)).toEqual([mine.id]);
    const [head, payload, signature] = access_token.split('.');
    const tampered = `${head}.${payload}.${'A'.repeat(signature?.length ?? 43)}`;
    expect((await list(tampered)).status).toBe(401);
    clock.advance(31 * 60_000);
    expect((await list(access_token)).status).toBe(401);
  });

  it('refuses bad credentials with 401 and a bad login body with 422', async () => {
    const bad = await postJson(`${nexora.baseUrl()}/auth/login`, { email: NEXORA_DEFAULT_USER.email, password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.json()).toEqual({ detail: expect.any(String) });
    expect((await postJson(`${nexora.baseUrl()}/auth/login`, { email: 'x' })).status).toBe(422);
    const user = nexora.control.createUser({ email: 'dev@nexora.test', password: 's3cret' });
    const ok = await postJson(`${nexora.baseUrl()}/auth/login`, { email: 'dev@nexora.test', password: 's3cret' });
    expect(ok.status).toBe(200);
    expect(nexora.control.users().map((u) => u.id)).toContain(user.id);
  });

  it('answers GET /api/agents, 404 for unknown paths and 405 for wrong methods', async () => {
    const { secret } = nexora.control.createKey({ name: 'k' });
    expect((await call(`${nexora.baseUrl()}/agents`, { headers: auth(secret) })).status).toBe(200);
    expect(await call(`${nexora.baseUrl()}/nope`, { headers: auth(secret) })).toMatchObject({ status: 404, text: '{"detail":"Not Found"}' });
    expect((await call(`${nexora.baseUrl()}/agents`, { method: 'DELETE', headers: auth(secret) })).status).toBe(405);
  });
});
