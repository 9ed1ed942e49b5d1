import type { KeyRow } from '../../../../electron/contract/views.js';
import type { FilterSlice } from '../../store/filter-slice.js';

/** The keys the table shows: the selected tree node, then the search box and filters. */
export function visibleKeys(keys: readonly KeyRow[], node: string | null, f: Pick<FilterSlice, 'query' | 'env' | 'provider' | 'status'>): KeyRow[] {
  const q = f.query.trim().toLowerCase();
  return keys.filter(
    (k) =>
      (node === null || k.ref.startsWith(`${node}/`)) &&
      (f.env === 'all' || k.env === f.env) &&
      (f.provider === 'all' || k.provider === f.provider) &&
      (f.status === 'all' || k.policy.state === f.status) &&
      (q === '' || k.ref.toLowerCase().includes(q) || k.maskedKey.toLowerCase().includes(q)),
  );
}
