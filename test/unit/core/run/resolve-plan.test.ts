import { describe, expect, it } from 'vitest';
import { emptyVaultDocument, type Instance, type KeyRecord, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { planEnv } from '../../../../electron/core/run/env-plan.js';
import { readPlanSecrets, resolvePlan } from '../../../../electron/core/run/resolve-plan.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { problemWith } from '../../../support/problem-match.js';

const at = '2026-01-01T00:00:00.000Z';
const SERVICE = 'keyturn:test';
const instance = (id: string, env: 'sandbox' | 'production', name: string): Instance => ({ id, provider: 'nora', org: 'acme', name, env, baseUrl: 'https://x', createdAt: at });
const key = (id: string, instanceId: string, name: string, over: Partial<KeyRecord> = {}): KeyRecord => ({
  id,
  instanceId,
  name,
  maskedKey: 'sk_live_ab…',
  fingerprint: 'a'.repeat(64),
  createdAt: at,
  status: 'active',
  targets: [],
  ...over,
});
const doc: VaultDocument = {
  ...emptyVaultDocument(),
  instances: [instance('i-live', 'production', 'live'), instance('i-test', 'sandbox', 'test')],
  keys: [key('k-live', 'i-live', 'backend'), key('k-test', 'i-test', 'backend'), key('k-gone', 'i-live', 'gone', { status: 'revoked' })],
};

/** A keychain holding both active keys' secrets, counting reads. */
async function keychain() {
  const store = new MemorySecretStore();
  await store.set(SERVICE, 'k-live', 'live-secret');
  await store.set(SERVICE, 'k-test', 'test-secret');
  const reads: string[] = [];
  const counting = { ...store, get: (service: string, account: string) => (reads.push(account), store.get(service, account)), set: store.set.bind(store), delete: store.delete.bind(store), readMany: store.readMany.bind(store) };
  return { store, counting, reads };
}

const plan = (text: string, environment: 'sandbox' | 'production' | null = null) => planEnv({ files: [{ path: '.env', text }], assignments: [], environment });

describe('resolving a run’s references', () => {
  it('reads the document once for every reference, and each key’s secret once', async () => {
    const { counting, reads } = await keychain();
    const lookups: (readonly string[])[] = [];
    const p = plan('A=keyturn://nora/acme/live/backend\nB=keyturn://id/k-live\nC=keyturn://nora/acme/test/backend\nPLAIN=1\n');
    const resolved = await resolvePlan(p, (l) => (lookups.push(l), doc));
    expect(lookups).toEqual([['nora/acme/live/backend', 'k-live', 'nora/acme/test/backend']]);
    expect(resolved.map((r) => [r.planned.variable, r.resolved.ref])).toEqual([
      ['A', 'nora/acme/live/backend'],
      ['B', 'nora/acme/live/backend'],
      ['C', 'nora/acme/test/backend'],
    ]);
    expect(await readPlanSecrets(counting, SERVICE, resolved)).toEqual(new Map([['A', 'live-secret'], ['B', 'live-secret'], ['C', 'test-secret']]));
    expect(reads).toEqual(['k-live', 'k-test']);
  });

  // resolvePlan is given no keychain at all: a bad reference anywhere stops the run before readPlanSecrets.
  it('forbids the run at the metadata when any reference is bad, even after good ones: revoked, missing, malformed, other environment', async () => {
    for (const [text, code] of [
      ['A=keyturn://nora/acme/live/backend\nB=keyturn://nora/acme/live/gone\n', 'reference.key-unusable'],
      ['A=keyturn://nora/acme/live/backend\nB=keyturn://id/nope\n', 'reference.key-missing'],
      ['A=keyturn://nora/acme/live/backend\nB=keyturn://nora/acme\n', 'reference.malformed'],
      ['# keyturn: environment=production\nA=keyturn://nora/acme/live/backend\nB=keyturn://nora/acme/test/backend\n', 'reference.environment-mismatch'],
    ] as const) {
      await expect(resolvePlan(plan(text), () => doc)).rejects.toThrow(problemWith(code, { variable: 'B', source: 'file', file: '.env' }));
    }
  });

  it('a keychain that cannot answer names the first variable in the plan’s order, and is asked once', async () => {
    const { store, counting, reads } = await keychain();
    const resolved = await resolvePlan(plan('A=keyturn://nora/acme/live/backend\nB=keyturn://nora/acme/test/backend\n'), () => doc);
    store.lock();
    await expect(readPlanSecrets(counting, SERVICE, resolved)).rejects.toThrow(problemWith('reference.secret-unreadable', { variable: 'A', reason: 'locked', line: 1 }));
    expect(reads).toEqual(['k-live']);
  });

  it('a plan without references reads nothing', async () => {
    let asked = false;
    expect(await resolvePlan(plan('A=1\n'), () => ((asked = true), doc))).toEqual([]);
    expect(asked).toBe(false);
  });
});
