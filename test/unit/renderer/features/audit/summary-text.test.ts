import { describe, expect, it } from 'vitest';
import type { AuditSummary } from '../../../../../electron/contract/views.js';
import { auditSummaryText } from '../../../../../renderer/src/features/audit/summary-text.js';

const summary = (over: Partial<AuditSummary> = {}): AuditSummary => ({ keys: 3, rejected: 0, pending: 0, overdue: 0, expired: 0, dueIn7Days: 1, unverified30Days: 3, ...over });

describe('the audit summary line', () => {
  it('reads as before when no key is rejected and no rotation is in progress', () => {
    expect(auditSummaryText(summary())).toBe('3 keys: 0 overdue, 0 expired, 1 due in 7 days, 3 unverified for 30 days');
  });

  it('puts rejected keys first, and a rotation pending key apart from the keys', () => {
    expect(auditSummaryText(summary({ rejected: 1, pending: 1 }))).toBe('3 keys: 1 rejected, 0 overdue, 0 expired, 1 due in 7 days, 3 unverified for 30 days (and 1 pending key of a rotation in progress)');
    expect(auditSummaryText(summary({ keys: 1, pending: 2 }))).toBe('1 key: 0 overdue, 0 expired, 1 due in 7 days, 3 unverified for 30 days (and 2 pending keys of a rotation in progress)');
  });
});
