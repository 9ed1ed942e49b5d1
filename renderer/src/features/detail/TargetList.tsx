import { Trash2 } from 'lucide-react';
import { describeTarget } from '../../../../electron/contract/targets.js';
import type { Target } from '../../../../electron/contract/views.js';

/** The key's swap targets, each with what a rotation writes there and a button to remove it. */
export function TargetList({ targets, onRemove }: { targets: Target[]; onRemove: (targetId: string) => void }) {
  return (
    <>
      {targets.length === 0 && <p className="muted">None yet: a rotation will not write the new key anywhere.</p>}
      <ul className="targets">
        {targets.map((t) => (
          <li key={t.id}>
            {describeTarget(t).full}
            <button type="button" aria-label={`Remove target ${describeTarget(t).where}`} onClick={() => onRemove(t.id)}>
              <Trash2 size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
