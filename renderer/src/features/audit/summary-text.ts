import type { AuditSummary } from '../../../../electron/contract/views.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The audit summary in one line. Rejected keys come first (their provider refused them: whatever
 * uses them is failing now) and only when there are some, as do a rotation's pending keys, which
 * are not counted among the keys.
 */
export function auditSummaryText(s: AuditSummary): string {
  const counts = [...(s.rejected > 0 ? [`${s.rejected} rejected`] : []), `${s.overdue} overdue`, `${s.expired} expired`, `${s.dueIn7Days} due in 7 days`, `${s.unverified30Days} unverified for 30 days`];
  const pending = s.pending > 0 ? ` (and ${plural(s.pending, 'pending key', 'pending keys')} of a rotation in progress)` : '';
  return `${plural(s.keys, 'key', 'keys')}: ${counts.join(', ')}${pending}`;
}
