import type { TeamAuditRow } from '../../../../electron/contract/views.js';

export type TeamSortKey = 'member' | 'machine' | 'ref' | 'env' | 'ageDays' | 'policyState' | 'dueOn' | 'lastVerifiedAt' | 'lastRotationAt' | 'usageSites';
export interface TeamSort {
  key: TeamSortKey;
  descending: boolean;
}

/** Most urgent first by default, as the vault's own audit: overdue and expired, then due soon, then ok, then retired keys. */
const STATE_ORDER: Record<TeamAuditRow['policyState'], number> = { expired: 0, overdue: 1, 'due soon': 2, ok: 3, retired: 4 };

/** A row's one name in the team: its holder's vault and its key (two members may have keys of the same ref). */
export const teamRowId = (r: Pick<TeamAuditRow, 'vaultId' | 'keyId'>) => `${r.vaultId}/${r.keyId}`;

export function sortTeamRows(rows: readonly TeamAuditRow[], sort: TeamSort): TeamAuditRow[] {
  const value = (r: TeamAuditRow): string | number => {
    if (sort.key === 'policyState') return STATE_ORDER[r.policyState];
    if (sort.key === 'usageSites') return r.usageSites.length;
    return r[sort.key] ?? '';
  };
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? order : a.member.localeCompare(b.member) || a.ref.localeCompare(b.ref);
  });
  return sort.descending ? sorted.reverse() : sorted;
}
