import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import { emptyVaultDocument, type Instance, type KeyRecord, type KeyStatus, type VaultDocument } from '../../../../electron/core/domain/model.js';
import type { HttpClient } from '../../../../electron/core/http/types.js';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { verifyFindings } from '../../../../electron/core/node/scan/verify-findings.js';
import type { Finding } from '../../../../electron/core/scan/finding.js';
import { findKeysInText } from '../../../../electron/core/scan/find-keys.js';
import { keyMatcher, matcherInputOf } from '../../../../electron/core/scan/key-matcher.js';
import { NORA_KEYS_PATH, startAllEmulators, type AllEmulators } from '../../../emulators/index.js';

/** Each found key checked with its provider's emulator, which follows the provider's own document. */
describe('verifyFindings: whether a found key works now', () => {
  let emulators: AllEmulators;
  const http = createHttpClient({ maxRetries: 1, baseDelayMs: 5, maxDelayMs: 20, totalTimeoutMs: 2_000 });
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await http.close();
    await emulators.close();
  });
  afterEach(() => {
    for (const e of [emulators.xora, emulators.nexora, emulators.nora, emulators.xerotier]) {
      e.control.clearFaults();
      e.control.resetRequests();
    }
  });

  const at = new Date().toISOString();
  const nexoraInstance = (): Instance => ({ id: 'nx', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: emulators.nexora.baseUrl(), createdAt: at });
  const noraLive = (id = 'nl', name = 'live'): Instance => ({ id, provider: 'nora', org: 'acme', name, env: 'production', baseUrl: emulators.nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH, createdAt: at });
  const xoraInstance = (): Instance => ({ id: 'xo', provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: emulators.xora.baseUrl(), createdAt: at });
  const record = (id: string, instanceId: string, secret: string, status: KeyStatus = 'active'): KeyRecord => ({ id, instanceId, name: id, maskedKey: `${secret.slice(0, 8)}…`, fingerprint: fingerprintOf(secret), createdAt: at, status, targets: [] });
  const vault = (instances: Instance[], keys: KeyRecord[] = []): VaultDocument => ({ ...emptyVaultDocument(), instances, keys });

  /** What a scan of a file holding these lines finds, with the vault's matches. */
  function found(doc: VaultDocument, ...lines: string[]): Finding[] {
    return findKeysInText(lines.join('\n'), keyMatcher(matcherInputOf(doc))).map(({ start: _s, end: _e, ...k }) => ({ ...k, file: '/repo/config.ts', path: 'config.ts', variable: null, commit: null }));
  }

  it('a vault key that works is valid, checked through its own instance once however often it was found', async () => {
    const key = emulators.nexora.control.createKey({ name: 'ci' });
    const doc = vault([nexoraInstance()], [record('k1', 'nx', key.secret)]);
    const findings = found(doc, `a = "${key.secret}"`, `b = "${key.secret}"`);
    expect(findings).toHaveLength(2);
    const checks = await verifyFindings({ http, clock, doc }, findings);
    expect([...checks]).toEqual([[fingerprintOf(key.secret), { result: 'valid', reason: 'accepted (200)', instanceRef: 'nexora/acme/self' }]]);
    expect(emulators.nexora.control.requests().filter((r) => r.authKeyId === key.id)).toHaveLength(1);
  });

  it('a key revoked in the provider is revoked when the provider says so (Nora), or when the vault has it revoked', async () => {
    const nora = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    emulators.nora.control.revokeKey(nora.id);
    const xoraRevoked = emulators.xora.control.createKey({ name: 'old' });
    emulators.xora.control.revokeKey(xoraRevoked.id);
    const xoraActive = emulators.xora.control.createKey({ name: 'ci' });
    emulators.xora.control.revokeKey(xoraActive.id);
    // The vault knows the first Xora key as revoked; the second it still holds as active; Nora's is not in the vault.
    const doc = vault([noraLive(), xoraInstance()], [record('x1', 'xo', xoraRevoked.secret, 'revoked'), record('x2', 'xo', xoraActive.secret)]);
    const checks = await verifyFindings({ http, clock, doc }, found(doc, nora.secret, xoraRevoked.secret, xoraActive.secret));
    expect(checks.get(fingerprintOf(nora.secret))).toMatchObject({ result: 'revoked', instanceRef: 'nora/acme/live', reason: expect.stringContaining('api_key_revoked') });
    expect(checks.get(fingerprintOf(xoraRevoked.secret))).toMatchObject({ result: 'revoked', instanceRef: 'xora/acme/main' });
    // Xora's 401 does not say why: a key the vault holds as active is rejected, not called revoked.
    expect(checks.get(fingerprintOf(xoraActive.secret))).toMatchObject({ result: 'rejected', instanceRef: 'xora/acme/main' });
  });

  it('a verify path that answers 404 leaves the key unknown, never valid', async () => {
    const key = emulators.nexora.control.createKey({ name: 'ci' });
    emulators.nexora.control.setFault({ status: 404 });
    const doc = vault([nexoraInstance()], [record('k1', 'nx', key.secret)]);
    const check = (await verifyFindings({ http, clock, doc }, found(doc, key.secret))).get(fingerprintOf(key.secret));
    expect(check).toMatchObject({ result: 'unknown', instanceRef: 'nexora/acme/self', reason: expect.stringContaining('404') });
  });

  it('an unknown key with no instance of its provider is unknown and sent nowhere, not to another provider', async () => {
    const stranger = emulators.xerotier.control.createKey({ name: 'x' });
    const doc = vault([nexoraInstance(), noraLive()]);
    const checks = await verifyFindings({ http, clock, doc }, found(doc, stranger.secret));
    expect([...checks.values()]).toEqual([{ result: 'unknown', reason: 'no instance of xerotier to check it against', instanceRef: null }]);
    for (const e of [emulators.xora, emulators.nexora, emulators.nora, emulators.xerotier]) expect(e.control.requests()).toEqual([]);
  });

  it('an unknown key is checked through the one instance that fits it (its environment), and through none when several do', async () => {
    const live = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    // A sandbox instance of Nora does not fit a live key: it is not asked.
    const sandbox: Instance = { ...noraLive('ns', 'test'), env: 'sandbox', baseUrl: emulators.nora.baseUrl('sandbox') };
    const one = vault([noraLive(), sandbox]);
    expect((await verifyFindings({ http, clock, doc: one }, found(one, live.secret))).get(fingerprintOf(live.secret))).toMatchObject({ result: 'valid', instanceRef: 'nora/acme/live' });
    expect(emulators.nora.control.requests().map((r) => r.env)).toEqual(['production']);

    const sandboxOnly = vault([sandbox]);
    expect((await verifyFindings({ http, clock, doc: sandboxOnly }, found(sandboxOnly, live.secret))).get(fingerprintOf(live.secret))).toEqual({
      result: 'unknown',
      reason: 'no instance of nora (production) to check it against',
      instanceRef: null,
    });

    emulators.nora.control.resetRequests();
    const two = vault([noraLive(), noraLive('n2', 'live2')]);
    const check = (await verifyFindings({ http, clock, doc: two }, found(two, live.secret))).get(fingerprintOf(live.secret));
    expect(check).toEqual({ result: 'unknown', reason: '2 instances of nora fit it (nora/acme/live, nora/acme/live2): it was sent to none', instanceRef: null });
    expect(emulators.nora.control.requests()).toEqual([]);
  });

  it('checks a few keys at a time, never all at once', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => emulators.nexora.control.createKey({ name: `k${i}` }));
    emulators.nexora.control.setFault({ latencyMs: 30 });
    const doc = vault([nexoraInstance()], keys.map((k, i) => record(`k${i}`, 'nx', k.secret)));
    let inFlight = 0;
    let most = 0;
    const counting: HttpClient = {
      ...http,
      request: async (req) => {
        most = Math.max(most, ++inFlight);
        try {
          return await http.request(req);
        } finally {
          inFlight--;
        }
      },
    };
    const checks = await verifyFindings({ http: counting, clock, doc }, found(doc, ...keys.map((k) => k.secret)));
    expect([...checks.values()].map((c) => c.result)).toEqual(Array(10).fill('valid'));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });
});
