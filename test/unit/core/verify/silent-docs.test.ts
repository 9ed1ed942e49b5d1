import { afterAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../../electron/core/domain/model.js';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { detectProvider } from '../../../../electron/core/providers/detect.js';
import { NORA_DEFAULT_VERIFY_PATH } from '../../../../electron/core/providers/nora/profile.js';
import { resolveProfile } from '../../../../electron/core/providers/registry.js';
import { xoraProfile } from '../../../../electron/core/providers/xora/profile.js';
import { verifyKey } from '../../../../electron/core/verify/verify-key.js';
import { NORA_KEYS_PATH, startEmulator } from '../../../emulators/index.js';
import type { EmulatorByProvider, EmulatorOptions, NoraModes, XerotierModes, XoraModes } from '../../../emulators/index.js';

/**
 * Where a provider's document is silent, its emulator answers with the least helpful reading by
 * default and the others on request (test/emulators/README.md, "Where the docs are silent"). Each
 * adapter is run here against every reading where its behaviour could differ.
 */
const http = createHttpClient({ maxRetries: 0, totalTimeoutMs: 2_000 });
const clock = { now: () => new Date() };
afterAll(() => http.close());

async function withEmulator<P extends 'xora' | 'nora' | 'xerotier'>(
  provider: P,
  opts: EmulatorOptions,
  body: (emulator: EmulatorByProvider[P]) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator(provider, opts);
  try {
    await body(emulator);
  } finally {
    await emulator.close();
  }
}

const instance = (over: Partial<Instance> & Pick<Instance, 'provider' | 'baseUrl'>): Instance => ({
  id: 'i', org: 'acme', name: 'live', env: 'production', createdAt: '2026-01-01T00:00:00.000Z', ...over,
});

describe('Nora: which endpoint verifies a key (the documents name none)', () => {
  const verify = (baseUrl: string, secret: string, verifyPath?: string) =>
    verifyKey(http, resolveProfile('nora', []), instance({ provider: 'nora', baseUrl, ...(verifyPath ? { verifyPath } : {}) }), secret, clock);

  it("by default the emulator does not serve Keyturn's default path: unknown, with how to set one, never valid", async () => {
    await withEmulator('nora', {}, async (nora) => {
      const key = nora.control.createKey({ name: 'backend', env: 'production' });
      const outcome = await verify(nora.baseUrl('production'), key.secret);
      expect(outcome).toMatchObject({ result: 'unknown', httpStatus: 404, revoked: false });
      expect(outcome.reason).toBe(
        `Nora answered 404 (not found), which proves nothing about the key: this Nora does not serve GET ${NORA_DEFAULT_VERIFY_PATH}, Keyturn's default verify path (Nora's documents name no endpoint to verify with); set a cheap authenticated GET this Nora does serve with "keyturn instance set nora/acme/live --verify-path /v2/…" (or check the base URL)`,
      );
      // Set to an endpoint this Nora serves, the same key is proven.
      expect(await verify(nora.baseUrl('production'), key.secret, NORA_KEYS_PATH)).toMatchObject({ result: 'valid', httpStatus: 200 });
      // A path set by hand and mistyped says so, naming the path.
      const typo = await verify(nora.baseUrl('production'), key.secret, '/v2/api-key');
      expect(typo).toMatchObject({ result: 'unknown', httpStatus: 404 });
      expect(typo.reason).toMatch(/this Nora does not serve the verify path GET \/v2\/api-key; set a cheap authenticated GET/);
    });
  });

  for (const endpoints of ['with-instance', 'any-get'] as const satisfies readonly NoraModes['endpoints'][]) {
    it(`${endpoints}: Keyturn's default path proves a live key and a revoked one dead`, async () => {
      await withEmulator('nora', { nora: { endpoints } }, async (nora) => {
        const key = nora.control.createKey({ name: 'backend', env: 'production' });
        expect(await verify(nora.baseUrl('production'), key.secret)).toMatchObject({ result: 'valid', httpStatus: 200 });
        nora.control.revokeKey(key.id);
        expect(await verify(nora.baseUrl('production'), key.secret)).toMatchObject({ result: 'rejected', httpStatus: 401, revoked: true });
      });
    });
  }

  it('a key without apiKey.read is limited on the key list: valid, lacking a permission', async () => {
    await withEmulator('nora', {}, async (nora) => {
      const key = nora.control.createKey({ name: 'reporting', env: 'production', permissions: [] });
      expect(await verify(nora.baseUrl('production'), key.secret, NORA_KEYS_PATH)).toMatchObject({ result: 'limited', httpStatus: 403 });
    });
  });

  it('an unknown path: a revoked key is proven dead where the path authenticates first, and proves nothing where it is 404 first', async () => {
    for (const unknownPath of ['authenticate-first', 'not-found-first'] as const) {
      await withEmulator('nora', { nora: { unknownPath } }, async (nora) => {
        const key = nora.control.createKey({ name: 'backend', env: 'production' });
        nora.control.revokeKey(key.id);
        const outcome = await verify(nora.baseUrl('production'), key.secret);
        if (unknownPath === 'authenticate-first') expect(outcome, unknownPath).toMatchObject({ result: 'rejected', httpStatus: 401, revoked: true });
        else expect(outcome, unknownPath).toMatchObject({ result: 'unknown', httpStatus: 404, revoked: false });
      });
    }
  });
});

describe('Nora: key characters and the key list body (the documents show neither)', () => {
  const verify = (baseUrl: string, secret: string) =>
    verifyKey(http, resolveProfile('nora', []), instance({ provider: 'nora', baseUrl, verifyPath: NORA_KEYS_PATH }), secret, clock);

  for (const keyAlphabet of ['base64url', 'alnum'] as const satisfies readonly NoraModes['keyAlphabet'][]) {
    for (const listBody of ['array', 'data-object'] as const satisfies readonly NoraModes['listBody'][]) {
      it(`${keyAlphabet} keys, the list as ${listBody}: every key is accepted, found in pasted text as Nora's, and proven`, async () => {
        await withEmulator('nora', { nora: { keyAlphabet, listBody } }, async (nora) => {
          const keys = Array.from({ length: 100 }, (_, i) => nora.control.createKey({ name: `k${i}`, env: 'production' }));
          for (const { secret } of keys) {
            expect(resolveProfile('nora', []).checkKey(secret, { org: 'acme', env: 'production' }), secret).toBeNull();
            expect(detectProvider(secret)).toMatchObject({ profile: { id: 'nora' }, environment: 'production' });
          }
          expect(await verify(nora.baseUrl('production'), keys[0]?.secret ?? '')).toMatchObject({ result: 'valid', httpStatus: 200 });
        });
      });
    }
  }
});

describe('Nora: what a 401 says (the documents give only api_key_revoked, "when present")', () => {
  const verify = (baseUrl: string, secret: string, env: 'sandbox' | 'production' = 'production') =>
    verifyKey(http, resolveProfile('nora', []), instance({ provider: 'nora', baseUrl, env, verifyPath: NORA_KEYS_PATH }), secret, clock);

  for (const rejectionCodes of ['revoked-only', 'every-cause'] as const satisfies readonly NoraModes['rejectionCodes'][]) {
    it(`${rejectionCodes}: revoked is told apart; expired, unknown and another environment's keys are rejected, never called revoked`, async () => {
      await withEmulator('nora', { nora: { rejectionCodes } }, async (nora) => {
        const revoked = nora.control.createKey({ name: 'old', env: 'production' });
        nora.control.revokeKey(revoked.id);
        const expired = nora.control.createKey({ name: 'exp', env: 'production' });
        nora.control.expireKey(expired.id);
        const sandbox = nora.control.createKey({ name: 'test', env: 'sandbox' });
        const base = nora.baseUrl('production');
        expect(await verify(base, revoked.secret)).toMatchObject({ result: 'rejected', revoked: true, reason: expect.stringContaining('api_key_revoked') });
        for (const secret of [expired.secret, `sk_live_${'a'.repeat(32)}`, sandbox.secret]) {
          const outcome = await verify(base, secret);
          expect(outcome).toMatchObject({ result: 'rejected', httpStatus: 401, revoked: false });
          expect(outcome.reason).toEqual(rejectionCodes === 'revoked-only' ? 'Nora refused the key (401)' : expect.stringMatching(/^(api_key_expired|invalid_api_key): /));
        }
      });
    });
  }
});

describe('Xora: key characters, both headers, the jobs body', () => {
  const verify = (baseUrl: string, secret: string) => verifyKey(http, xoraProfile, instance({ provider: 'xora', baseUrl }), secret, clock);

  for (const keyAlphabet of ['base64url', 'alnum'] as const satisfies readonly XoraModes['keyAlphabet'][]) {
    for (const jobsBody of ['array', 'data-object'] as const satisfies readonly XoraModes['jobsBody'][]) {
      it(`${keyAlphabet} keys, jobs as ${jobsBody}: every key is accepted, found in pasted text as Xora's, and proven`, async () => {
        await withEmulator('xora', { xora: { keyAlphabet, jobsBody } }, async (xora) => {
          const keys = Array.from({ length: 100 }, (_, i) => xora.control.createKey({ name: `k${i}` }));
          for (const { secret } of keys) {
            expect(xoraProfile.checkKey(secret, { org: 'acme', env: 'production' })).toBeNull();
            expect(detectProvider(secret)?.profile.id).toBe('xora');
          }
          expect(await verify(xora.baseUrl(), keys[0]?.secret ?? '')).toMatchObject({ result: 'valid', httpStatus: 200 });
        });
      });
    }
  }

  it('sends only one header, so it is proven whichever reading of "both at once" the server takes', async () => {
    for (const bothHeaders of ['refuse', 'bearer-wins', 'x-api-key-wins'] as const satisfies readonly XoraModes['bothHeaders'][]) {
      await withEmulator('xora', { xora: { bothHeaders } }, async (xora) => {
        const key = xora.control.createKey({ name: 'ci' });
        expect(await verify(xora.baseUrl(), key.secret), bothHeaders).toMatchObject({ result: 'valid', httpStatus: 200 });
      });
    }
  });
});

describe('Xerotier: the models body, the 401 body, the project in the path', () => {
  async function xerotierCase(modes: Partial<XerotierModes>, body: (verify: (secret: string, projectId?: string) => ReturnType<typeof verifyKey>, createKey: () => string, revoke: (secret: string) => void, projectId: string) => Promise<void>) {
    await withEmulator('xerotier', { xerotier: modes }, async (xerotier) => {
      const project = xerotier.control.createProject({ slug: 'acme' });
      const verify = (secret: string, projectId = project.id) =>
        verifyKey(http, resolveProfile('xerotier', []), instance({ provider: 'xerotier', baseUrl: xerotier.baseUrl(), projectId }), secret, clock);
      await body(verify, () => xerotier.control.createKey({ name: 'ci', projectId: project.id }).secret, (secret) => xerotier.control.revokeKey(secret), project.id);
    });
  }

  for (const tokenEncoding of ['base64url', 'hex'] as const satisfies readonly XerotierModes['tokenEncoding'][]) {
    it(`${tokenEncoding} tokens: every key is accepted for its project and found in pasted text with its slug`, async () => {
      await withEmulator('xerotier', { xerotier: { tokenEncoding } }, async (xerotier) => {
        const project = xerotier.control.createProject({ slug: 'acme-ml' });
        for (let i = 0; i < 100; i += 1) {
          const { secret } = xerotier.control.createKey({ name: `k${i}`, projectId: project.id });
          expect(resolveProfile('xerotier', []).checkKey(secret, { org: 'acme-ml', env: 'production' }), secret).toBeNull();
          expect(detectProvider(secret), secret).toMatchObject({ profile: { id: 'xerotier' }, org: 'acme-ml' });
        }
      });
    });
  }

  for (const modelsBody of ['data-only', 'openai-list'] as const satisfies readonly XerotierModes['modelsBody'][]) {
    it(`${modelsBody}: a live key is valid`, async () => {
      await xerotierCase({ modelsBody }, async (verify, createKey) => {
        expect(await verify(createKey())).toMatchObject({ result: 'valid', httpStatus: 200 });
      });
    });
  }

  for (const rejectionBody of ['empty', 'text', 'openai-error'] as const satisfies readonly XerotierModes['rejectionBody'][]) {
    it(`${rejectionBody} 401 body: a revoked key is rejected with a reason, whatever the body holds`, async () => {
      await xerotierCase({ rejectionBody }, async (verify, createKey, revoke, projectId) => {
        const secret = createKey();
        revoke(secret);
        const outcome = await verify(secret);
        expect(outcome).toMatchObject({ result: 'rejected', httpStatus: 401, revoked: false });
        const said = rejectionBody === 'openai-error' ? 'This API key has been revoked.' : 'Xerotier refused the key (401)';
        expect(outcome.reason).toBe(`${said}; a live key is refused too under a project id that is not its own: check the project id (${projectId})`);
      });
    });
  }

  it("a wrong project id: key-first refuses a live key (401), project-first proves nothing (404) and says to check the project id", async () => {
    await xerotierCase({ checkOrder: 'key-first' }, async (verify, createKey) => {
      const outcome = await verify(createKey(), 'proj_NOPE00');
      expect(outcome).toMatchObject({ result: 'rejected', httpStatus: 401 });
      expect(outcome.reason).toMatch(/a live key is refused too under a project id that is not its own: check the project id \(proj_NOPE00\)$/);
    });
    await xerotierCase({ checkOrder: 'project-first' }, async (verify, createKey) => {
      const outcome = await verify(createKey(), 'proj_NOPE00');
      expect(outcome).toMatchObject({ result: 'unknown', httpStatus: 404 });
      expect(outcome.reason).toMatch(/proves nothing about the key: check the base URL and the project id \(proj_NOPE00\)$/);
    });
  });
});
