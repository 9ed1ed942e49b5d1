import type { AuditRow } from '../../../../electron/contract/views.js';

export type SortKey = 'ref' | 'env' | 'ageDays' | 'policyState' | 'dueOn' | 'lastVerifiedAt' | 'lastRotationAt' | 'targets';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Most urgent first by default: overdue and expired, then due soon, then ok, then retired keys. */
const STATE_ORDER: Record<AuditRow['policyState'], number> = { expired: 0, overdue: 1, 'due soon': 2, ok: 3, retired: 4 };

export function sortRows(rows: readonly AuditRow[], sort: Sort): AuditRow[] {
  const value = (r: AuditRow): string | number => (sort.key === 'policyState' ? STATE_ORDER[r.policyState] : (r[sort.key] ?? ''));
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? order : a.ref.localeCompare(b.ref);
  });
  return sort.descending ? sorted.reverse() : sorted;
}
