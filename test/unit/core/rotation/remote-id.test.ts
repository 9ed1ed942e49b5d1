import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyVaultDocument, type Instance, type KeyRecord, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { nexoraKeyApi } from '../../../../electron/core/providers/nexora/key-api.js';
import { describeCandidate, identifyRemoteKey, resolveRemoteId, type RemoteKeyQuestion } from '../../../../electron/core/rotation/remote-id.js';
import type { MetadataStore } from '../../../../electron/core/store/metadata-store.js';
import { startEmulator, type NexoraEmulator, type NexoraOptions } from '../../../emulators/index.js';
import { problemWith } from '../../../support/problem-match.js';

/**
 * Finding an imported Nexora key's id, against the emulator in each reading of what document 001
 * leaves open: only the documented list fields (the default), with a prefix, and each way
 * last_used_at may move.
 */
describe('identifyRemoteKey: a Nexora key Keyturn did not create', () => {
  const http = createHttpClient({ maxRetries: 0, totalTimeoutMs: 2_000 });
  const modes: Record<string, NexoraOptions> = {
    'documented fields only (default)': {},
    'with prefix': { listPrefix: true },
    'last_used_at on every call': { lastUsedAt: 'on-every-call' },
    'last_used_at after the answer': { lastUsedAt: 'after-answer' },
  };
  const started: NexoraEmulator[] = [];
  const emulators = new Map<string, NexoraEmulator>();
  beforeAll(async () => {
    for (const [mode, options] of Object.entries(modes)) {
      const emulator = await startEmulator('nexora', { nexora: options });
      started.push(emulator);
      emulators.set(mode, emulator);
    }
  });
  afterAll(async () => {
    await http.close();
    await Promise.all(started.map((e) => e.close()));
  });
  afterEach(() => {
    for (const e of started) e.control.resetRequests();
  });

  /** A user of its own at the emulator with `names` keys; the vault holds the first as `vaultName`. */
  function account(emulator: NexoraEmulator, names: string[], vaultName = 'backend') {
    const user = emulator.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
    const keys = names.map((name) => emulator.control.createKey({ name, userId: user.id }));
    const instance: Instance = { id: 'inst', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: emulator.baseUrl(), createdAt: new Date().toISOString() };
    const record: KeyRecord = { id: 'rec', instanceId: 'inst', name: vaultName, maskedKey: 'nxr_…', fingerprint: '0'.repeat(64), createdAt: new Date().toISOString(), status: 'active', targets: [] };
    const doc: VaultDocument = { ...emptyVaultDocument(), instances: [instance], keys: [record] };
    return { user, keys, instance, record, doc, api: nexoraKeyApi(instance, http) };
  }

  for (const mode of Object.keys(modes)) {
    it(`${mode}: the one key of an account is found without a prefix`, async () => {
      const { keys, record, doc, api } = account(emulators.get(mode)!, ['CI pipeline'], 'backend');
      const found = await identifyRemoteKey(api, keys[0]!.secret, record, doc);
      expect(found).toMatchObject({ kind: 'known', id: keys[0]!.id });
    });

    it(`${mode}: among several keys, the one no other vault key is known to be`, async () => {
      const { keys, record, doc, api } = account(emulators.get(mode)!, ['laptop', 'new one'], 'backend');
      const known = { ...record, id: 'other', name: 'new', remoteId: keys[1]!.id };
      const found = await identifyRemoteKey(api, keys[0]!.secret, record, { ...doc, keys: [record, known] });
      expect(found).toEqual({ kind: 'known', id: keys[0]!.id, by: mode === 'with prefix' ? 'prefix' : 'only-unknown' });
    });
  }

  it('with prefix: the listed prefix names the key among several', async () => {
    const { keys, record, doc, api } = account(emulators.get('with prefix')!, ['a', 'b', 'c']);
    expect(await identifyRemoteKey(api, keys[1]!.secret, record, doc)).toEqual({ kind: 'known', id: keys[1]!.id, by: 'prefix' });
  });

  it('forbids taking a key for this one by its name: a colleague’s key named like the record is only listed first', async () => {
    // The record "backend" holds the key Nexora calls "laptop"; another key at Nexora is named "backend".
    const { keys, record, doc, api } = account(emulators.get('documented fields only (default)')!, ['laptop', 'backend', 'ci'], 'backend');
    const found = await identifyRemoteKey(api, keys[0]!.secret, record, doc);
    expect(found.kind).toBe('ambiguous');
    if (found.kind !== 'ambiguous') return;
    expect(found.candidates[0]!.id).toBe(keys[1]!.id);
    expect(found.candidates.map((c) => c.id).sort()).toEqual(keys.map((k) => k.id).sort());
  });

  it('forbids taking a key for this one by its last use: a busy key that moves while this one does not is never picked', async () => {
    const { keys, record, doc, api } = account(emulators.get('documented fields only (default)')!, ['a', 'b']);
    // A provider that sets last_used_at on API use but not on key-management calls: a consumer's
    // key b moves with every list, the calling key a never does.
    let calls = 0;
    const busy = {
      ...api,
      list: async (secret: string) => {
        calls += 1;
        return (await api.list(secret)).map((k) => ({ ...k, lastUsedAt: k.id === keys[1]!.id ? `2026-01-01T00:0${calls}:00Z` : null }));
      },
    };
    const found = await identifyRemoteKey(busy, keys[0]!.secret, record, doc);
    expect(found.kind).toBe('ambiguous');
  });

  it('last_used_at on every call: among several keys this one is listed first (its own list call used it last), and not taken on that alone', async () => {
    const { keys, record, doc, api } = account(emulators.get('last_used_at on every call')!, ['a', 'b', 'c'], 'x');
    const found = await identifyRemoteKey(api, keys[2]!.secret, record, doc);
    expect(found.kind).toBe('ambiguous');
    if (found.kind === 'ambiguous') expect(found.candidates[0]!.id).toBe(keys[2]!.id);
  });

  it('keys of the same account held by another instance of the vault are never candidates', async () => {
    const { keys, record, doc, api, instance } = account(emulators.get('documented fields only (default)')!, ['backend', 'backend']);
    const sibling: Instance = { ...instance, id: 'inst-2', name: 'worker', baseUrl: `${instance.baseUrl}/` };
    const held = { ...record, id: 'other', instanceId: 'inst-2', name: 'backend', remoteId: keys[1]!.id };
    const found = await identifyRemoteKey(api, keys[0]!.secret, record, { ...doc, instances: [instance, sibling], keys: [record, held] });
    expect(found).toEqual({ kind: 'known', id: keys[0]!.id, by: 'only-unknown' });
  });

  it('the new key of this key’s rotation in progress is never a candidate, even before its id is stored', async () => {
    const { keys, record, doc, api, user } = account(emulators.get('documented fields only (default)')!, ['backend']);
    const made = emulators.get('documented fields only (default)')!.control.createKey({ name: 'backend-2026-12-01-abcd1234', userId: user.id });
    const now = new Date().toISOString();
    const rotation = {
      id: 'rot',
      oldKeyId: record.id,
      instanceId: 'inst',
      newKeyId: 'new',
      inPlace: false,
      state: 'in-progress' as const,
      startedAt: now,
      updatedAt: now,
      steps: { create: { status: 'done' as const }, swap: { status: 'done' as const }, verify: { status: 'done' as const }, revoke: { status: 'running' as const } },
      providerKeyName: made.name,
    };
    const found = await identifyRemoteKey(api, keys[0]!.secret, record, { ...doc, rotations: [rotation] as VaultDocument['rotations'] });
    expect(found).toEqual({ kind: 'known', id: keys[0]!.id, by: 'only-unknown' });
  });

  it('a listed prefix too short to tell keys apart (the scheme alone) is no evidence', async () => {
    const { keys, record, doc, api } = account(emulators.get('documented fields only (default)')!, ['a', 'b']);
    const schemeOnly = { ...api, list: async (secret: string) => (await api.list(secret)).map((k) => ({ ...k, prefix: k.id === keys[1]!.id ? 'nxr_…' : null })) };
    expect((await identifyRemoteKey(schemeOnly, keys[0]!.secret, record, doc)).kind).toBe('ambiguous');
  });

  it('when every listed key is known to be another vault key, none is offered as this one', async () => {
    const { keys, record, doc, api } = account(emulators.get('documented fields only (default)')!, ['a']);
    const stale = { ...record, id: 'other', name: 'copy', remoteId: keys[0]!.id };
    expect(await identifyRemoteKey(api, keys[0]!.secret, record, { ...doc, keys: [record, stale] })).toEqual({ kind: 'none' });
  });

  it('documented fields only: several keys and nothing to tell them apart come back as candidates, without secrets', async () => {
    const { keys, record, doc, api } = account(emulators.get('documented fields only (default)')!, ['laptop', 'ci'], 'backend');
    const found = await identifyRemoteKey(api, keys[0]!.secret, record, doc);
    expect(found.kind).toBe('ambiguous');
    if (found.kind !== 'ambiguous') return;
    expect(found.candidates.map((c) => c.id).sort()).toEqual(keys.map((k) => k.id).sort());
    expect(Object.keys(found.candidates[0]!).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
    expect(JSON.stringify(found)).not.toContain(keys[0]!.secret.slice(4));
  });

  it('a chosen id must be one the provider lists for the account, and not another vault key', async () => {
    const emulator = emulators.get('documented fields only (default)')!;
    const { keys, record, doc, api } = account(emulator, ['laptop', 'ci']);
    const stranger = account(emulator, ['elsewhere']).keys[0]!;
    await expect(identifyRemoteKey(api, keys[0]!.secret, record, doc, stranger.id)).rejects.toThrow(problemWith('remote-id.not-listed', { field: 'remoteId', id: stranger.id, listed: keys.map((k) => k.id) }));
    const other = { ...record, id: 'other', name: 'ci-key', remoteId: keys[1]!.id };
    await expect(identifyRemoteKey(api, keys[0]!.secret, record, { ...doc, keys: [record, other] }, keys[1]!.id)).rejects.toThrow(problemWith('remote-id.other-key', { id: keys[1]!.id, is: 'vault-key', name: 'ci-key' }));
    expect(await identifyRemoteKey(api, keys[0]!.secret, record, doc, keys[0]!.id)).toEqual({ kind: 'known', id: keys[0]!.id, by: 'chosen' });
  });

  it('resolveRemoteId asks when ambiguous, refuses an id not among the candidates, and stores the one picked', async () => {
    const { keys, record, doc, api } = account(emulators.get('documented fields only (default)')!, ['laptop', 'ci']);
    let current = doc;
    const metadata: MetadataStore = {
      location: 'memory',
      read: () => current,
      update: async (change) => {
        const { doc: next, result } = await change(current);
        if (next) current = next;
        return result;
      },
    };
    const asked: RemoteKeyQuestion[] = [];
    const base = { api, secret: keys[0]!.secret, record, doc, metadata, question: { provider: 'Nexora', ref: 'nexora/acme/self/backend', maskedKey: 'nxr_…' } };
    await expect(resolveRemoteId({ ...base, choose: async () => 'not-listed' })).rejects.toThrow(problemWith('remote-id.answer-not-listed', { ref: 'nexora/acme/self/backend' }));
    expect(current.keys[0]?.remoteId).toBeUndefined();
    expect(await resolveRemoteId({ ...base, choose: async () => null })).toBeNull();
    const id = await resolveRemoteId({ ...base, choose: async (q) => (asked.push(q), keys[0]!.id) });
    expect(id).toBe(keys[0]!.id);
    expect(asked[0]?.candidates).toHaveLength(2);
    expect(current.keys[0]?.remoteId).toBe(keys[0]!.id);
  });
});

describe('describeCandidate', () => {
  it('never prints a provider-sent control character or escape sequence raw on the terminal', () => {
    const line = describeCandidate({ id: 'a\u001b]0;x\u0007', name: 'evil\u001b[2J\nname', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null });
    expect([...line].filter((ch) => ch.charCodeAt(0) < 0x20)).toEqual([]);
    expect(line).toContain('"evil\\u001b[2J\\nname"');
    expect(line).toContain('last used never');
  });
});
