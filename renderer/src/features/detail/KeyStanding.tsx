import { RefreshCw, ShieldAlert } from 'lucide-react';
import type { KeyView, ProviderInfo } from '../../../../electron/contract/views.js';
import { useApp } from '../../store/store.js';

/**
 * What the key is, when its status alone would mislead: a rotation's pending key (never an
 * ordinary active key), or a key its provider rejected, with the next safe action.
 */
export function KeyStanding({ keyView, provider }: { keyView: KeyView; provider: ProviderInfo | undefined }) {
  const open = useApp((s) => s.open);
  const selectKey = useApp((s) => s.selectKey);
  const replaces = useApp((s) => (keyView.pendingFor ? s.overview?.keys.find((k) => k.id === keyView.pendingFor) : undefined));
  if (keyView.pendingFor !== null || keyView.status === 'pending') {
    return (
      <p className="warning" data-testid="pending-key">
        The pending key of a rotation{replaces ? <> of <strong>{replaces.ref}</strong></> : ''}: it becomes the current key once the rotation checks it works.{' '}
        {replaces && (
          <button type="button" className="link" onClick={() => selectKey(replaces.ref)}>
            Show the key it replaces
          </button>
        )}
      </p>
    );
  }
  if (!keyView.rejected) return null;
  const live = keyView.status === 'active';
  return (
    <div role="status" className="warning" data-testid="rejected-key">
      <p>
        <strong>
          Rejected by {provider?.displayName ?? keyView.provider} ({keyView.lastVerification?.httpStatus ?? 401})
        </strong>
        {live ? ': nothing can use this key any more. Rotate it to a new key, or revoke it if it leaked.' : '.'}
      </p>
      {live && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => open({ kind: 'rotate', ref: keyView.ref })}>
            <RefreshCw size={16} aria-hidden /> Rotate it
          </button>
          <button type="button" className="danger" onClick={() => open({ kind: 'emergency', ref: keyView.ref })}>
            <ShieldAlert size={16} aria-hidden /> Revoke it…
          </button>
        </div>
      )}
    </div>
  );
}
