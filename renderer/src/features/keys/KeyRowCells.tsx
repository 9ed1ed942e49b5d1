import { MoreHorizontal } from 'lucide-react';
import { memo, type ReactNode } from 'react';
import type { KeyRow } from '../../../../electron/contract/views.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { PolicyBadge } from '../../ui/PolicyBadge.js';
import { ageInDays, shortDate } from '../../ui/format.js';
import type { KeyColumn } from './key-columns.js';
import { keyStatus, keyStatusLine } from './key-status.js';

interface CellProps {
  showInstance: boolean;
  /** The name of the key a pending key replaces, when it is one. */
  replacedName: string | undefined;
  /** Today, in days since the epoch: the age column changes once a day, not at each render. */
  today: number;
  onMenu: (k: KeyRow, x: number, y: number) => void;
}

/**
 * One key's cells, in the columns that fit. Memoized: a keystroke in the search box redraws only
 * the rows that changed, not every row's buttons and badges.
 */
export const KeyRowCells = memo(function KeyRowCells({ k, columns, ...p }: CellProps & { k: KeyRow; columns: readonly KeyColumn[] }) {
  return columns.map((c) => (
    <span key={c.id} className={`key-cell key-cell-${c.id}`}>
      {cell(c, k, p)}
    </span>
  ));
});

function cell(c: KeyColumn, k: KeyRow, p: CellProps): ReactNode {
    switch (c.id) {
      case 'name':
        return (
          <span className="key-name">
            <span className="key-name-text" title={k.ref}>{k.name}</span>
            {p.showInstance && (
              <span className="key-where" title={k.ref}>
                <span className="visually-hidden"> in </span>
                {k.provider}/{k.org}/{k.instance}
              </span>
            )}
          </span>
        );
      case 'env':
        return <EnvBadge env={k.env} />;
      case 'status': {
        const s = keyStatus(k, () => p.replacedName);
        return (
          <span className={`key-status status-${s.word}`} title={keyStatusLine(s)}>
            <span className="status-word">{s.word}</span>
            {s.detail && <span className="status-detail">({s.detail})</span>}
          </span>
        );
      }
      case 'masked':
        return (
          <span className="mono">
            <span className="visually-hidden">key </span>
            {k.maskedKey}
          </span>
        );
      case 'due':
        return (
          <span className="key-due" title={k.policy.dueBy ?? undefined}>
            <span className="visually-hidden">due </span>
            <PolicyBadge state={k.policy.state} /> {k.policy.state === 'retired' ? '' : shortDate(k.policy.dueOn)}
          </span>
        );
      case 'verified':
        return (
          <span className="key-verified">
            <span className="visually-hidden">last verified </span>
            {k.lastVerification ? (
              <>
                <span>{k.lastVerification.result}</span> <span>{shortDate(k.lastVerification.at)}</span>
              </>
            ) : (
              'never'
            )}
          </span>
        );
      case 'age':
        return (
          <span>
            <span className="visually-hidden">age </span>
            {ageInDays(k.createdAt, p.today * 86_400_000)} d
          </span>
        );
      case 'actions':
        // A plain button with the native tooltip: a row drawn while scrolling or typing mounts no
        // overlay machinery. Its press is its own, not the row's (which would open the key).
        return (
          <button
            type="button"
            className="row-menu-button"
            aria-label={`Actions for ${k.name}`}
            aria-keyshortcuts="Shift+F10"
            title={`Actions for ${k.name} (Shift+F10)`}
            tabIndex={-1}
            onPointerDown={(e) => e.stopPropagation()}
            onPointerUp={(e) => e.stopPropagation()}
            onMouseDown={(e) => e.stopPropagation()}
            onClick={(e) => {
              e.stopPropagation();
              const r = e.currentTarget.getBoundingClientRect();
              p.onMenu(k, r.left, r.bottom);
            }}
          >
            <MoreHorizontal size={16} aria-hidden />
          </button>
        );
    }
  }
