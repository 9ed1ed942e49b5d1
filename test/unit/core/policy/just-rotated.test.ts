import { describe, expect, it } from 'vitest';
import type { Instance, KeyRecord, VaultDocument } from '../../../../electron/core/domain/model.js';
import { keyPolicyState, needsAttention } from '../../../../electron/core/policy/key-policy.js';
import { attentionCount, dueReminders } from '../../../../electron/core/reminders/due-reminders.js';
import { auditRows, auditSummary } from '../../../../electron/core/audit/audit-report.js';

const prod: Instance = { id: 'i', provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: 'https://api.xora.sh/v1', createdAt: '2026-01-01T00:00:00.000Z' };
const key = (over: Partial<KeyRecord> = {}): KeyRecord => ({ id: 'k', instanceId: 'i', name: 'api', maskedKey: 'xora_ab…', fingerprint: '0'.repeat(64), createdAt: '2026-03-01T10:00:00.000Z', status: 'active', targets: [], ...over });
const doc = (keys: KeyRecord[], policy?: VaultDocument['policy']): VaultDocument => ({ schemaVersion: 1, instances: [prod], keys, customProviders: [], rotations: [], ...(policy ? { policy } : {}) });
const justAfter = new Date('2026-03-01T10:05:00Z');

describe('a key whose policy was just met is never due soon, and nothing reminds of it', () => {
  for (const maxAgeDays of [1, 7, 14, 30, 31]) {
    it(`a key rotated a moment ago under a ${maxAgeDays}-day policy is ok, fires no reminder and needs no attention`, () => {
      const rotated = key({ maxAgeDays, rotatedFrom: 'old' });
      expect(keyPolicyState(rotated, prod, undefined, justAfter).state).toBe('ok');
      expect(dueReminders(doc([rotated]), justAfter).reminders).toEqual([]);
      expect(attentionCount(doc([rotated]), justAfter)).toBe(0);
    });
  }

  it('a 30-day key becomes due soon later in its life, and its reminders fire from then, each once', () => {
    const rotated = key({ maxAgeDays: 30 });
    const day = (d: string) => new Date(`${d}T12:00:00Z`);
    expect(keyPolicyState(rotated, prod, undefined, day('2026-03-08')).state).toBe('ok');
    expect(keyPolicyState(rotated, prod, undefined, day('2026-03-10')).state).toBe('due soon');
    const first = dueReminders(doc([rotated]), day('2026-03-10'));
    expect(first.reminders.map((r) => r.title)).toEqual(['xora/acme/main/api is due for rotation in 21 days']);
  });

  it('the default 90-day production policy is still due soon 30 days ahead (what it always was)', () => {
    expect(keyPolicyState(key(), prod, undefined, new Date('2026-05-01T12:00:00Z'))).toMatchObject({ state: 'due soon', daysLeft: 29 });
  });

  it('once rotated the old key (previous, then revoked) has no reminder, its record is dropped, and the pending key of a rotation never reminds', () => {
    const old = key({ id: 'old', createdAt: '2025-12-01T10:00:00.000Z', status: 'previous', replacedBy: 'new' });
    const stored = { ...doc([old]), reminders: { old: { dueOn: '2026-03-01', fired: [30, 7, 1, 0] } } };
    const pass = dueReminders(stored, justAfter);
    expect(pass).toMatchObject({ reminders: [], records: {}, changed: true });
    const pending = key({ id: 'new', status: 'pending', rotatedFrom: 'old', maxAgeDays: 7, createdAt: '2026-01-01T10:00:00.000Z' });
    expect(dueReminders(doc([pending]), justAfter).reminders).toEqual([]);
    expect(needsAttention(pending, 'overdue')).toBe(false);
  });

  it('a rejected active key needs attention and is counted as rejected in the audit; a pending key is counted apart', () => {
    const rejected = { at: '2026-03-01T10:00:00.000Z', result: 'rejected' as const, httpStatus: 401, revoked: false, reason: 'invalid key' };
    const keys = [key({ lastVerification: rejected }), key({ id: 'p', name: 'api.next', status: 'pending', rotatedFrom: 'k', lastVerification: rejected })];
    expect(attentionCount(doc(keys), justAfter)).toBe(1);
    const rows = auditRows(doc(keys), justAfter);
    expect(rows.map((r) => [r.rejected, r.pendingFor])).toEqual([[true, null], [true, 'k']]);
    expect(auditSummary(rows, justAfter)).toMatchObject({ keys: 1, rejected: 1, pending: 1, unverified30Days: 0 });
  });
});
