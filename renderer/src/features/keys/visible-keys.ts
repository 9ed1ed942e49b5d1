import type { KeyRow } from '../../../../electron/contract/views.js';
import type { FilterSlice } from '../../store/filter-slice.js';

/** The keys the table shows: the selected tree node, then the search box (name, reference, masked key) and filters. */
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

/** Whether a node spans several instances (All keys, a provider, an organization): its rows say which instance each key is in. */
export function spansInstances(node: string | null): boolean {
  return node === null || node.split('/').length < 3;
}
