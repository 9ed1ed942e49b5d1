import { Trash2 } from 'lucide-react';
import type { Target } from '../../../../electron/contract/views.js';

/** The key's swap targets, each with what a rotation writes there and a button to remove it. */
export function TargetList({ targets, onRemove }: { targets: Target[]; onRemove: (targetId: string) => void }) {
  return (
    <>
      {targets.length === 0 && <p className="muted">None yet: a rotation will not write the new key anywhere.</p>}
      <ul className="targets">
        {targets.map((t) => (
          <li key={t.id}>
            {t.kind === 'dotenv' ? (
              <>
                <code>{t.variable}</code> in <code>{t.file}</code>
                {t.linkTo && (
                  <>
                    {' '}
                    (a link to <code>{t.linkTo}</code>)
                  </>
                )}
                {t.createVariable && ', appended if missing'}
              </>
            ) : (
              <>
                command <code>{[t.command, ...t.args].join(' ')}</code> (key on stdin)
              </>
            )}
            <button type="button" aria-label={`Remove target ${t.kind === 'dotenv' ? `${t.variable} in ${t.file}` : t.command}`} onClick={() => onRemove(t.id)}>
              <Trash2 size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
