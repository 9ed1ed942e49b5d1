import { FolderSearch, Plus } from 'lucide-react';
import { useApp } from '../../store/store.js';

/** First launch: what to do with an empty vault. */
export function EmptyState() {
  const open = useApp((s) => s.open);
  return (
    <section className="empty" aria-label="Empty vault">
      <h2>Your vault is empty</h2>
      <div className="actions">
        <button type="button" className="primary big" onClick={() => open({ kind: 'add-key' })}>
          <Plus size={18} aria-hidden /> Add a key
        </button>
        <button type="button" className="big" onClick={() => open({ kind: 'scan' })}>
          <FolderSearch size={18} aria-hidden /> Scan a folder
        </button>
      </div>
      <p>Scanning finds keys already sitting in <code>.env</code> files and offers to import them, with each file as a swap target.</p>
      <p>
        Or try the demo vault, with keys of every provider in both environments and no provider account needed: <code>npm run demo</code>
      </p>
    </section>
  );
}
