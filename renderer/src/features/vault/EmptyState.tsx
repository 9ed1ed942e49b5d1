import { Plus } from 'lucide-react';
import { useApp } from '../../store/store.js';

/** First launch: what to do with an empty vault. */
export function EmptyState() {
  const open = useApp((s) => s.open);
  return (
    <section className="empty" aria-label="Empty vault">
      <h2>Your vault is empty</h2>
      <button type="button" className="primary big" onClick={() => open({ kind: 'add-key' })}>
        <Plus size={18} aria-hidden /> Add a key
      </button>
      <p>
        Or scan a folder for keys already in <code>.env</code> files: <code>keyturn scan ~/code --import</code>
      </p>
      <p>
        Or try the demo vault with keys of every provider: <code>npm run demo</code>
      </p>
    </section>
  );
}
