import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, XORA_KEY_PATTERN } from './index.js';
import type { XoraEmulator } from './index.js';
import { call, manualClock } from './test-client.js';

const UNAUTHORIZED = {
  error: {
    code: 'UNAUTHORIZED',
    message: 'Authentication required. Provide a valid Bearer token or sign in via the dashboard.',
    retryable: false,
  },
};

describe('Xora emulator', () => {
  let xora: XoraEmulator;
  const clock = manualClock();
  beforeEach(async () => {
    xora = await startEmulator('xora', { now: clock.now });
  });
  afterEach(() => xora.close());

  const jobs = (headers: Record<string, string>) => call(`${xora.baseUrl()}/jobs`, { headers });

  it('serves under /v1 on loopback', () => {
    expect(xora.baseUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('creates nte_ keys, 52 characters in all, shown in full by the dashboard', () => {
    const secrets = Array.from({ length: 20 }, (_, i) => xora.control.createKey({ name: `k${i}` }).secret);
    for (const secret of secrets) {
      expect(secret).toMatch(XORA_KEY_PATTERN);
      expect(secret).toHaveLength(52);
    }
    expect(new Set(secrets).size).toBe(20);
    expect(xora.control.keys().map((k) => k.status)).toEqual(Array(20).fill('active'));
  });

  it('accepts the key as Authorization: Bearer and as X-API-KEY, equivalently; the jobs are a bare JSON list by default', async () => {
    const { secret } = xora.control.createKey({ name: 'Production API' });
    const viaBearer = await jobs({ authorization: `Bearer ${secret}` });
    const viaHeader = await jobs({ 'X-API-KEY': secret });
    expect(viaBearer.status).toBe(200);
    expect(viaHeader.status).toBe(200);
    expect(viaBearer.json()).toEqual(viaHeader.json());
    expect(viaBearer.json()).toEqual([expect.objectContaining({ id: expect.any(String) }), expect.anything()]);
  });

  it('by default refuses a request that sends both headers, even with the same key, with the documented 401', async () => {
    const { secret, id } = xora.control.createKey({ name: 'k' });
    const answer = await jobs({ authorization: `Bearer ${secret}`, 'x-api-key': secret });
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual(UNAUTHORIZED);
    expect(xora.control.requests().at(-1)?.authKeyId).toBe(id);
  });

  it('by default mints keys with "_" and "-" among the 48 characters, as a base64url token would have', () => {
    const bodies = Array.from({ length: 200 }, () => xora.control.createKey({ name: 'k' }).secret.slice(4)).join('');
    expect(bodies).toMatch(/[-_]/);
  });

  describe('in its more helpful modes', () => {
    const withModes = async (modes: Parameters<typeof startEmulator<'xora'>>[1]) => {
      await xora.close();
      xora = await startEmulator('xora', { now: clock.now, ...modes });
    };

    it('bearer-wins / x-api-key-wins: with both headers, that one is read', async () => {
      for (const mode of ['bearer-wins', 'x-api-key-wins'] as const) {
        await withModes({ xora: { bothHeaders: mode } });
        const { secret } = xora.control.createKey({ name: 'k' });
        const wrong = `nte_${'A'.repeat(48)}`;
        const [bearerKey, headerKey] = mode === 'bearer-wins' ? [secret, wrong] : [wrong, secret];
        expect((await jobs({ authorization: `Bearer ${bearerKey}`, 'x-api-key': headerKey })).status, mode).toBe(200);
        expect((await jobs({ authorization: `Bearer ${headerKey}`, 'x-api-key': bearerKey })).status, mode).toBe(401);
      }
    });

    it('alnum keys; jobs as { data: [...] }', async () => {
      await withModes({ xora: { keyAlphabet: 'alnum', jobsBody: 'data-object' } });
      const secrets = Array.from({ length: 50 }, () => xora.control.createKey({ name: 'k' }).secret);
      for (const secret of secrets) expect(secret).toMatch(/^nte_[A-Za-z0-9]{48}$/);
      expect((await jobs({ authorization: `Bearer ${secrets[0] ?? ''}` })).json()).toMatchObject({ data: [expect.objectContaining({ id: expect.any(String) }), expect.anything()] });
    });
  });

  it('answers every refusal with the documented 401 body', async () => {
    const { secret } = xora.control.createKey({ name: 'k' });
    const refusals: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${'x'.repeat(4)}${secret.slice(4)}` }, // no nte_ prefix
      { authorization: `Bearer ${secret.slice(0, -1)}` }, // cut short
      { 'x-api-key': `nte_${'A'.repeat(48)}` }, // well-formed, unknown
      { authorization: 'Bearer' },
      { authorization: `Basic ${secret}` },
    ];
    for (const headers of refusals) {
      const answer = await jobs(headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.json()).toEqual(UNAUTHORIZED);
    }
  });

  it('refuses a key with stray whitespace, as a bad copy-paste', async () => {
    const { secret } = xora.control.createKey({ name: 'k' });
    // HTTP itself strips plain spaces at the ends of a header value; a non-breaking space survives.
    expect((await jobs({ 'x-api-key': `${secret}\u00a0` })).status).toBe(401);
    expect((await jobs({ authorization: `Bearer ${secret} ` + 'x' })).status).toBe(401);
    expect((await jobs({ authorization: `Bearer ${secret.slice(0, 20)} ${secret.slice(20)}` })).status).toBe(401);
  });

  it('refuses a key revoked in the dashboard immediately, by id or by secret', async () => {
    const a = xora.control.createKey({ name: 'a' });
    const b = xora.control.createKey({ name: 'b' });
    expect((await jobs({ authorization: `Bearer ${a.secret}` })).status).toBe(200);
    xora.control.revokeKey(a.id);
    xora.control.revokeKey(b.secret);
    expect(await jobs({ authorization: `Bearer ${a.secret}` })).toMatchObject({ status: 401 });
    expect((await jobs({ 'x-api-key': b.secret })).json()).toEqual(UNAUTHORIZED);
    expect(xora.control.keys().map((k) => k.status)).toEqual(['revoked', 'revoked']);
  });

  it('refuses an expired key like any other', async () => {
    const key = xora.control.createKey({ name: 'k' });
    xora.control.expireKey(key.id);
    expect((await jobs({ authorization: `Bearer ${key.secret}` })).status).toBe(401);
    expect(xora.control.keys()[0]?.status).toBe('expired');
  });

  it('authenticates every /v1 path before saying it does not exist', async () => {
    const { secret } = xora.control.createKey({ name: 'k' });
    expect((await call(`${xora.baseUrl()}/nothing-here`)).status).toBe(401);
    expect((await call(`${xora.baseUrl()}/nothing-here`, { headers: { 'x-api-key': secret } })).status).toBe(404);
  });

  it('logs each request with the key it presented, and marks the key used', async () => {
    const key = xora.control.createKey({ name: 'k' });
    await jobs({ authorization: `Bearer ${key.secret}` });
    await jobs({});
    expect(xora.control.requests()).toEqual([
      { method: 'GET', path: '/v1/jobs', at: clock.now().toISOString(), status: 200, authKeyId: key.id },
      { method: 'GET', path: '/v1/jobs', at: clock.now().toISOString(), status: 401, authKeyId: null },
    ]);
    expect(xora.control.keys()[0]?.lastUsedAt).toBe(clock.now().toISOString());
    xora.control.resetRequests();
    expect(xora.control.requests()).toEqual([]);
  });

  it('answers a CORS preflight with the documented headers', async () => {
    const answer = await call(`${xora.baseUrl()}/jobs`, { method: 'OPTIONS' });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, X-API-KEY');
  });
});
