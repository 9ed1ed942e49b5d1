import { expect, it } from 'vitest';
import type { Instance, KeyRecord, Policy } from '../../../../electron/core/domain/model.js';
import { keyPolicyState, maxAgeFor } from '../../../../electron/core/policy/key-policy.js';

const instance = (env: 'sandbox' | 'production'): Instance => ({ id: `i-${env}`, provider: 'nora', org: 'acme', name: env, env, baseUrl: 'https://api.nora.finance', createdAt: '2026-01-01T00:00:00.000Z' });
const key = (over: Partial<KeyRecord> = {}): KeyRecord => ({ id: 'k', instanceId: 'i', name: 'k', maskedKey: 'sk_live_ab…', fingerprint: '0'.repeat(64), createdAt: '2026-01-01T10:00:00.000Z', status: 'active', targets: [], ...over });
const at = (day: string) => new Date(`${day}T12:00:00Z`);

it('defaults production to a stricter maximum age than sandbox', () => {
  expect(maxAgeFor(key(), instance('production'), undefined)).toBe(90);
  expect(maxAgeFor(key(), instance('sandbox'), undefined)).toBe(180);
});

it('takes the key’s own maximum age, else the instance’s, else the provider’s, else the default', () => {
  const policy: Policy = { defaults: { production: 60, sandbox: 120 }, providers: { nora: { production: 45 } }, instances: { 'i-production': 30 } };
  expect(maxAgeFor(key({ maxAgeDays: 10 }), instance('production'), policy)).toBe(10);
  expect(maxAgeFor(key(), instance('production'), policy)).toBe(30);
  expect(maxAgeFor(key(), instance('production'), { ...policy, instances: {} })).toBe(45);
  expect(maxAgeFor(key(), instance('sandbox'), policy)).toBe(120);
});

it('moves from ok to due soon (30 days before) to overdue at the max age, with the date that drives it', () => {
  const prod = instance('production');
  expect(keyPolicyState(key(), prod, undefined, at('2026-01-31'))).toMatchObject({ state: 'ok', date: '2026-04-01', drivenBy: 'max age', daysLeft: 60 });
  expect(keyPolicyState(key(), prod, undefined, at('2026-03-02'))).toMatchObject({ state: 'due soon', daysLeft: 30 });
  expect(keyPolicyState(key(), prod, undefined, at('2026-04-01'))).toMatchObject({ state: 'overdue', daysLeft: 0 });
});

it('lets the provider’s expiry drive when it comes first, and says expired once it has passed', () => {
  const prod = instance('production');
  const expiring = key({ expiresOn: '2026-02-15' });
  expect(keyPolicyState(expiring, prod, undefined, at('2026-02-01'))).toMatchObject({ state: 'due soon', date: '2026-02-15', drivenBy: 'provider expiry', daysLeft: 14 });
  expect(keyPolicyState(expiring, prod, undefined, at('2026-02-15'))).toMatchObject({ state: 'expired', date: '2026-02-15' });
  expect(keyPolicyState(key({ status: 'revoked' }), prod, undefined, at('2026-09-01')).state).toBe('retired');
});
