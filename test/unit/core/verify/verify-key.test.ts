import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import type { ProviderProfile } from '../../../../electron/core/providers/profile.js';
import { resolveProfile } from '../../../../electron/core/providers/registry.js';
import type { Environment, Instance } from '../../../../electron/core/domain/model.js';
import { verifyKey } from '../../../../electron/core/verify/verify-key.js';
import { NORA_KEYS_PATH, startAllEmulators } from '../../../emulators/index.js';

type Emulators = Awaited<ReturnType<typeof startAllEmulators>>;

/** Each adapter's verify call against its emulator, which follows the provider's own document. */
describe('verifyKey against the provider emulators', () => {
  let emulators: Emulators;
  const http = createHttpClient({ maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, totalTimeoutMs: 1_500 });
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await http.close();
    await emulators.close();
  });
  afterEach(() => {
    for (const e of [emulators.xora, emulators.nexora, emulators.nora, emulators.xerotier]) e.control.clearFaults();
  });

  function instanceFor(provider: string, over: Partial<Instance> = {}): { profile: ProviderProfile; instance: Instance } {
    const env: Environment = over.env ?? 'production';
    const baseUrl =
      provider === 'xora' ? emulators.xora.baseUrl()
      : provider === 'nexora' ? emulators.nexora.baseUrl()
      : provider === 'nora' ? emulators.nora.baseUrl(env)
      : emulators.xerotier.baseUrl();
    // Nora's documents name no endpoint: the instance is set to the one its emulator serves, as a person would.
    const verifyPath = provider === 'nora' ? { verifyPath: NORA_KEYS_PATH } : {};
    const instance: Instance = { id: 'i', provider, org: 'acme', name: 'main', env, baseUrl, createdAt: new Date().toISOString(), ...verifyPath, ...over };
    return { profile: resolveProfile(provider, []), instance };
  }

  async function verify(provider: string, secret: string, over: Partial<Instance> = {}) {
    const { profile, instance } = instanceFor(provider, over);
    return verifyKey(http, profile, instance, secret, clock);
  }

  describe('Xora', () => {
    it('a live key is valid; a revoked key is rejected with Xora’s message, not marked revoked', async () => {
      const key = emulators.xora.control.createKey({ name: 'ci' });
      expect(await verify('xora', key.secret)).toMatchObject({ result: 'valid', httpStatus: 200 });
      emulators.xora.control.revokeKey(key.id);
      expect(await verify('xora', key.secret)).toMatchObject({ result: 'rejected', httpStatus: 401, revoked: false, reason: expect.stringContaining('Authentication required') });
    });
  });

  describe('Nexora', () => {
    it('a live key is valid; a restricted key is limited (403); a revoked key is rejected', async () => {
      const key = emulators.nexora.control.createKey({ name: 'ci' });
      expect(await verify('nexora', key.secret)).toMatchObject({ result: 'valid', httpStatus: 200 });
      const restricted = emulators.nexora.control.createKey({ name: 'ro', permissions: 'restricted' });
      expect(await verify('nexora', restricted.secret)).toMatchObject({ result: 'limited', httpStatus: 403 });
      emulators.nexora.control.revokeKey(key.id);
      expect(await verify('nexora', key.secret)).toMatchObject({ result: 'rejected', httpStatus: 401, revoked: false });
    });
  });

  describe('Nora', () => {
    it('a live production key is valid on the production server', async () => {
      const key = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
      expect(await verify('nora', key.secret)).toMatchObject({ result: 'valid', httpStatus: 200 });
    });

    it('a revoked key is rejected and marked revoked (api_key_revoked)', async () => {
      const key = emulators.nora.control.createKey({ name: 'old', env: 'production', org: 'acme' });
      emulators.nora.control.revokeKey(key.id);
      expect(await verify('nora', key.secret)).toMatchObject({ result: 'rejected', httpStatus: 401, revoked: true, reason: expect.stringContaining('api_key_revoked') });
    });

    it('an expired key is rejected but not called revoked', async () => {
      const key = emulators.nora.control.createKey({ name: 'exp', env: 'sandbox', org: 'acme' });
      emulators.nora.control.expireKey(key.id);
      expect(await verify('nora', key.secret, { env: 'sandbox' })).toMatchObject({ result: 'rejected', revoked: false, reason: 'Nora refused the key (401)' });
    });

    it('a sandbox key sent to the production server is rejected', async () => {
      const key = emulators.nora.control.createKey({ name: 's', env: 'sandbox', org: 'acme' });
      const { profile, instance } = instanceFor('nora', { env: 'sandbox', baseUrl: emulators.nora.baseUrl('production') });
      expect(await verifyKey(http, profile, instance, key.secret, clock)).toMatchObject({ result: 'rejected', httpStatus: 401 });
    });

    it('uses the per-instance verify path', async () => {
      const key = emulators.nora.control.createKey({ name: 'p', env: 'production', org: 'acme', permissions: [] });
      expect(await verify('nora', key.secret, { verifyPath: '/v2/api-keys' })).toMatchObject({ result: 'limited', httpStatus: 403 });
      const seen = emulators.nora.control.requests().filter((r) => r.authKeyId === key.id).map((r) => r.path);
      expect(seen).toEqual(['/v2/api-keys']);
    });
  });

  describe('Xerotier', () => {
    it("a live key is valid for its project and rejected for another project's id", async () => {
      const project = emulators.xerotier.control.createProject({ slug: 'acme' });
      const key = emulators.xerotier.control.createKey({ name: 'ci', projectId: project.id });
      expect(await verify('xerotier', key.secret, { projectId: project.id })).toMatchObject({ result: 'valid', httpStatus: 200 });
      const other = emulators.xerotier.control.createProject({ slug: 'other' });
      expect(await verify('xerotier', key.secret, { projectId: other.id })).toMatchObject({ result: 'rejected', httpStatus: 401 });
    });
  });

  describe('faults prove nothing either way', () => {
    it('a 429 with Retry-After is retried, then the key is valid', async () => {
      const key = emulators.xora.control.createKey({ name: 'rl' });
      emulators.xora.control.setFault({ status: 429, retryAfterSeconds: 0, times: 1 });
      expect(await verify('xora', key.secret)).toMatchObject({ result: 'valid' });
      expect(emulators.xora.control.requests().filter((r) => r.authKeyId === key.id || r.status === 429).length).toBeGreaterThanOrEqual(2);
    });

    it('a persistent 503 is unknown, with the status and attempts', async () => {
      const key = emulators.nexora.control.createKey({ name: 'down' });
      emulators.nexora.control.setFault({ status: 503 });
      expect(await verify('nexora', key.secret)).toMatchObject({ result: 'unknown', httpStatus: 503, reason: expect.stringContaining('after 3 attempts') });
    });

    it('a persistent 429 is unknown, never rejected', async () => {
      const key = emulators.nora.control.createKey({ name: 'rl', env: 'production', org: 'acme' });
      emulators.nora.control.setFault({ status: 429, retryAfterSeconds: 0 });
      expect(await verify('nora', key.secret)).toMatchObject({ result: 'unknown', httpStatus: 429 });
    });

    it('an HTML success page is unknown: it is not the API', async () => {
      const key = emulators.xora.control.createKey({ name: 'html' });
      emulators.xora.control.setFault({ body: 'html' });
      expect(await verify('xora', key.secret)).toMatchObject({ result: 'unknown', httpStatus: 200, reason: expect.stringContaining('not the API') });
    });

    it('a malformed JSON success body is unknown', async () => {
      const key = emulators.xerotier.control.createKey({ name: 'bad' });
      emulators.xerotier.control.setFault({ body: 'malformed-json' });
      expect(await verify('xerotier', key.secret, { projectId: emulators.xerotier.control.defaultProject().id, org: emulators.xerotier.control.defaultProject().slug })).toMatchObject({ result: 'unknown' });
    });

    it('a 401 with an unreadable body is still rejected', async () => {
      emulators.xora.control.setFault({ body: 'html' });
      expect(await verify('xora', `nte_${'x'.repeat(48)}`)).toMatchObject({ result: 'rejected', httpStatus: 401, reason: expect.stringContaining('401') });
    });

    it('a connection reset is retried, then the key is valid', async () => {
      const key = emulators.nexora.control.createKey({ name: 'rst' });
      emulators.nexora.control.setFault({ reset: true, times: 1 });
      expect(await verify('nexora', key.secret)).toMatchObject({ result: 'valid' });
    });

    it('a hanging provider is unknown after the timeout, and the reason names no secret', async () => {
      const key = emulators.xora.control.createKey({ name: 'hang' });
      emulators.xora.control.setFault({ hang: true });
      const outcome = await verify('xora', key.secret);
      expect(outcome).toMatchObject({ result: 'unknown', httpStatus: null, reason: expect.stringContaining('timed out') });
      expect(JSON.stringify(outcome)).not.toContain(key.secret);
    });

    it('latency slows an answer but does not change it', async () => {
      const key = emulators.xora.control.createKey({ name: 'slow' });
      emulators.xora.control.setFault({ latencyMs: 50, times: 1 });
      const started = Date.now();
      expect(await verify('xora', key.secret)).toMatchObject({ result: 'valid' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    });
  });
});
