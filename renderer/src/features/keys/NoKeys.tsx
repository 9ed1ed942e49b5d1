import { Plus, X } from 'lucide-react';
import { useApp } from '../../store/store.js';
import { isFiltered } from '../../store/filter-slice.js';

/** The table with no row to show, in words: what was asked, and the way out (clear the filter, or add a key). */
export function NoKeys({ nodeLabel }: { nodeLabel: string }) {
  const { query, env, provider, status, clearFilters, open } = useApp();
  const filtered = isFiltered({ query, env, provider, status });
  return (
    <div className="no-keys" role="status" data-testid="no-keys">
      {filtered ? (
        <>
          <p>{query.trim() !== '' ? `No key matches ‘${query.trim()}’${env !== 'all' || provider !== 'all' || status !== 'all' ? ' with these filters' : ''}.` : 'No key matches these filters.'}</p>
          <button type="button" onClick={clearFilters}>
            <X size={16} aria-hidden /> Clear the filter
          </button>
        </>
      ) : (
        <>
          <p>{nodeLabel} has no keys yet.</p>
          <button type="button" className="primary" onClick={() => open({ kind: 'add-key' })}>
            <Plus size={16} aria-hidden /> Add a key
          </button>
        </>
      )}
    </div>
  );
}
