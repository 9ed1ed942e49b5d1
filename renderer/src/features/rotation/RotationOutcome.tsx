import type { RotationView } from '../../../../electron/contract/views.js';
import './rotation.css';

/** How a rotation ended, in words, and the one button that closes the wizard. */
export function RotationOutcome({ view, keyRef, onClose }: { view: RotationView; keyRef: string; onClose: () => void }) {
  const { rotation } = view;
  if (rotation.state === 'completed') {
    return (
      <div className="rotation-outcome">
        <p role="status" className="ok" data-testid="rotation-complete">
          Rotation complete: the new key is in use and the old key is proven dead.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </div>
    );
  }
  if (rotation.state !== 'abandoned') return null;
  // What became of the new key and the swap targets, as the host recorded it when the abandon finished.
  const outcome = rotation.abandoned;
  const restored = outcome?.restoredTargets ?? 0;
  return (
    <div className="rotation-outcome">
      <p role="status" data-testid="rotation-abandoned">
        Rotation abandoned: <strong>{keyRef}</strong> still uses its old key, which stays the current one; the pending new key was removed from the keychain.
        {restored > 0 && ` ${restored} swap target${restored === 1 ? '' : 's'} got the old key back.`}
        {outcome?.newKeyAtProvider === 'revoked' && ' The new key was revoked at the provider.'}
        {outcome?.newKeyAtProvider === 'still-works' && ' Keyturn did not revoke the new key at the provider: if it was made there, revoke it in the dashboard.'}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
