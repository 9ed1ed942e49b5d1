import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlError, NORA_DEFAULT_ORG, NORA_KEYS_PATH, startEmulator } from './index.js';
import type { NoraEmulator, NoraEnv } from './index.js';
import { call, DAY_MS, manualClock } from './test-client.js';

describe('Nora emulator', () => {
  let nora: NoraEmulator;
  let clock = manualClock();
  beforeEach(async () => {
    clock = manualClock('2026-03-01T12:00:00.000Z');
    nora = await startEmulator('nora', { now: clock.now });
  });
  afterEach(() => nora.close());

  const get = (env: NoraEnv, path: string, headers: Record<string, string>) => call(`${nora.baseUrl(env)}${path}`, { headers });

  it('runs sandbox and production as two servers; the default base URL is sandbox', () => {
    const sandbox = nora.baseUrl('sandbox');
    const production = nora.baseUrl('production');
    expect(sandbox).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(production).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox).not.toBe(production);
    expect(nora.baseUrl()).toBe(sandbox);
  });

  it('mints sk_test_ keys for sandbox and sk_live_ keys for production, 32 characters after the prefix, "_" and "-" among them', () => {
    expect(nora.control.createKey({ name: 's' }).secret).toMatch(/^sk_test_[A-Za-z0-9_-]{32}$/);
    expect(nora.control.createKey({ name: 'p', env: 'production' }).secret).toMatch(/^sk_live_[A-Za-z0-9_-]{32}$/);
    const bodies = Array.from({ length: 200 }, () => nora.control.createKey({ name: 'k' }).secret.slice(8)).join('');
    expect(bodies).toMatch(/[-_]/);
  });

  it('authenticates with X-API-Key only: a Bearer token is not read', async () => {
    const { secret } = nora.control.createKey({ name: 'k' });
    expect((await get('sandbox', NORA_KEYS_PATH, { 'X-API-Key': secret })).status).toBe(200);
    const bearer = await get('sandbox', NORA_KEYS_PATH, { authorization: `Bearer ${secret}` });
    expect(bearer.status).toBe(401);
    // The documents give a code only for a revoked key: any other 401 says nothing by default.
    expect(bearer.text).toBe('');
  });

  it('refuses a key at the other environment’s server, both ways, as an invalid key', async () => {
    const sandbox = nora.control.createKey({ name: 's', env: 'sandbox' });
    const production = nora.control.createKey({ name: 'p', env: 'production' });
    for (const [env, secret] of [['production', sandbox.secret], ['sandbox', production.secret]] as const) {
      expect((await get(env, NORA_KEYS_PATH, { 'x-api-key': secret })).status).toBe(401);
    }
    expect((await get('production', NORA_KEYS_PATH, { 'x-api-key': production.secret })).status).toBe(200);
  });

  it('by default serves only the key list: every other /v2 path (Keyturn’s default /v2/instance too) authenticates, then answers 404', async () => {
    const { secret } = nora.control.createKey({ name: 'k' });
    for (const path of ['/v2/instance', '/v2/payments?limit=1', '/v2']) {
      const answer = await get('sandbox', path, { 'x-api-key': secret });
      expect(answer.status, path).toBe(404);
      expect(answer.json()).toMatchObject({ code: 'not_found' });
      expect((await get('sandbox', path, {})).status, path).toBe(401);
    }
    expect((await call(`${nora.baseUrl('sandbox')}${NORA_KEYS_PATH}`, { method: 'POST', headers: { 'x-api-key': secret } })).status).toBe(404);
    expect((await get('sandbox', '/cp/payments', { 'x-api-key': secret })).status).toBe(404);
  });

  it('by default only a revoked key’s 401 carries a code (api_key_revoked); unknown and expired keys get a bare 401', async () => {
    const revoked = nora.control.createKey({ name: 'r' });
    const expired = nora.control.createKey({ name: 'e' });
    nora.control.revokeKey(revoked.id);
    nora.control.expireKey(expired.secret);
    const refusal = async (secret: string) => {
      const answer = await get('sandbox', NORA_KEYS_PATH, { 'x-api-key': secret });
      expect(answer.status).toBe(401);
      return answer.text;
    };
    expect(await refusal(`sk_test_${'a'.repeat(32)}`)).toBe('');
    expect(JSON.parse(await refusal(revoked.secret))).toEqual({ code: 'api_key_revoked' });
    expect(await refusal(expired.secret)).toBe('');
  });

  describe('in its more helpful modes', () => {
    const withModes = async (modes: Parameters<typeof startEmulator<'nora'>>[1]) => {
      await nora.close();
      nora = await startEmulator('nora', { now: clock.now, ...modes });
    };

    it('with-instance: tells the instance a key is bound to, ignoring legacy cp-* headers; other paths still 404', async () => {
      await withModes({ nora: { endpoints: 'with-instance' } });
      const key = nora.control.createKey({ name: 'k', env: 'production', org: 'globex' });
      const headers = { 'x-api-key': key.secret, 'cp-organization': 'acme', 'cp-instance': 'sandbox' };
      expect((await get('production', '/v2/instance', headers)).json()).toEqual({ organization: 'globex', environment: 'production' });
      const fallback = nora.control.createKey({ name: 'k2' });
      expect((await get('sandbox', '/v2/instance', { 'x-api-key': fallback.secret })).json()).toEqual({ organization: NORA_DEFAULT_ORG, environment: 'sandbox' });
      expect((await get('sandbox', '/v2/payments', { 'x-api-key': fallback.secret })).status).toBe(404);
    });

    it('any-get: every GET under /v2 authenticates and answers; nothing outside /v2 does', async () => {
      await withModes({ nora: { endpoints: 'any-get' } });
      const { secret } = nora.control.createKey({ name: 'k' });
      expect((await get('sandbox', '/v2/payments?limit=1', { 'x-api-key': secret })).json()).toEqual({ ok: true });
      expect((await get('sandbox', '/v2/instance', { 'x-api-key': secret })).json()).toEqual({ organization: NORA_DEFAULT_ORG, environment: 'sandbox' });
      expect((await get('sandbox', '/v2/payments', {})).status).toBe(401);
      expect((await get('sandbox', '/cp/payments', { 'x-api-key': secret })).status).toBe(404);
    });

    it('every-cause: each 401 names its cause by code', async () => {
      await withModes({ nora: { rejectionCodes: 'every-cause' } });
      const revoked = nora.control.createKey({ name: 'r' });
      const expired = nora.control.createKey({ name: 'e' });
      const production = nora.control.createKey({ name: 'p', env: 'production' });
      nora.control.revokeKey(revoked.id);
      nora.control.expireKey(expired.secret);
      const codeFor = async (headers: Record<string, string>) => {
        const answer = await get('sandbox', NORA_KEYS_PATH, headers);
        expect(answer.status).toBe(401);
        return answer.json();
      };
      expect(await codeFor({})).toEqual({ code: 'missing_api_key', message: expect.any(String) });
      expect(await codeFor({ 'x-api-key': `sk_test_${'a'.repeat(32)}` })).toEqual({ code: 'invalid_api_key', message: expect.any(String) });
      expect(await codeFor({ 'x-api-key': production.secret })).toEqual({ code: 'invalid_api_key', message: expect.any(String) });
      expect(await codeFor({ 'x-api-key': revoked.secret })).toEqual({ code: 'api_key_revoked', message: expect.any(String) });
      expect(await codeFor({ 'x-api-key': expired.secret })).toEqual({ code: 'api_key_expired', message: expect.any(String) });
    });

    it('alnum keys; the key list as { data: [...] }', async () => {
      await withModes({ nora: { keyAlphabet: 'alnum', listBody: 'data-object' } });
      const keys = Array.from({ length: 50 }, () => nora.control.createKey({ name: 'k' }));
      for (const { secret } of keys) expect(secret).toMatch(/^sk_test_[A-Za-z0-9]{32}$/);
      expect((await get('sandbox', NORA_KEYS_PATH, { 'x-api-key': keys[0]?.secret ?? '' })).json()).toEqual({ data: expect.any(Array) });
    });

    it('not-found-first: an unknown /v2 path is 404 whatever the key, even none', async () => {
      await withModes({ nora: { unknownPath: 'not-found-first' } });
      expect((await get('sandbox', '/v2/instance', {})).status).toBe(404);
      expect((await get('sandbox', NORA_KEYS_PATH, {})).status).toBe(401);
    });
  });

  it('expires a key when the clock passes its expiry date; revocation stays permanent', async () => {
    const key = nora.control.createKey({ name: 'k', expiresAt: '2026-03-02' });
    expect(key.expiresAt).toBe('2026-03-02T00:00:00.000Z');
    expect((await get('sandbox', NORA_KEYS_PATH, { 'x-api-key': key.secret })).status).toBe(200);
    clock.advance(DAY_MS);
    expect((await get('sandbox', NORA_KEYS_PATH, { 'x-api-key': key.secret })).status).toBe(401);
    expect(nora.control.keys()[0]?.status).toBe('expired');
    nora.control.revokeKey(key.id);
    nora.control.expireKey(key.id);
    expect(nora.control.keys()[0]?.status).toBe('revoked');
  });

  it('refuses an expiry before tomorrow, as the dashboard does', () => {
    expect(() => nora.control.createKey({ name: 'k', expiresAt: '2026-03-01' })).toThrow(ControlError);
    expect(() => nora.control.createKey({ name: 'k', expiresAt: new Date(clock.now().getTime() + 60 * 60_000) })).toThrow(/tomorrow/);
    expect(() => nora.control.createKey({ name: 'k', expiresAt: 'someday' })).toThrow(ControlError);
    expect(nora.control.createKey({ name: 'k', expiresAt: new Date('2026-03-02T00:00:00Z') }).expiresAt).toBe('2026-03-02T00:00:00.000Z');
    expect(nora.control.createKey({ name: 'k', expiresAt: null }).expiresAt).toBeNull();
    expect(nora.control.keys()).toHaveLength(2);
  });

  it('lists keys masked, for the key’s own organization and instance, with apiKey.read only', async () => {
    const reader = nora.control.createKey({ name: 'Production server', env: 'production' });
    const revoked = nora.control.createKey({ name: 'old', env: 'production', expiresAt: '2026-04-01' });
    nora.control.revokeKey(revoked.id);
    nora.control.createKey({ name: 'sandbox', env: 'sandbox' });
    nora.control.createKey({ name: 'other org', env: 'production', org: 'globex' });
    const answer = await get('production', '/v2/api-keys', { 'x-api-key': reader.secret });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(reader.secret);
    expect(answer.json()).toEqual([
      { id: reader.id, name: 'Production server', key: `${reader.secret.slice(0, 14)}…`, status: 'active', expiresAt: null, createdAt: reader.createdAt },
      { id: revoked.id, name: 'old', key: `${revoked.secret.slice(0, 14)}…`, status: 'revoked', expiresAt: '2026-04-01T00:00:00.000Z', createdAt: revoked.createdAt },
    ]);
    const noRead = nora.control.createKey({ name: 'no read', env: 'production', permissions: [] });
    const forbidden = await get('production', '/v2/api-keys', { 'x-api-key': noRead.secret });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'forbidden' });
  });

  it('logs which server each request reached', async () => {
    const key = nora.control.createKey({ name: 'k', env: 'production' });
    await get('production', NORA_KEYS_PATH, { 'x-api-key': key.secret });
    await get('sandbox', NORA_KEYS_PATH, { 'x-api-key': key.secret });
    expect(nora.control.requests().map((r) => [r.env, r.status, r.authKeyId])).toEqual([
      ['production', 200, key.id],
      ['sandbox', 401, key.id],
    ]);
    expect(nora.control.keys()[0]?.lastUsedAt).toBe(clock.now().toISOString());
  });
});
