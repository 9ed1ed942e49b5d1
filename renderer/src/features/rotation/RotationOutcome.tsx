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
  // A key made in the dashboard lives on there: only the person can revoke it.
  const madeInDashboard = rotation.steps.create.path === 'guided' && rotation.steps.create.status === 'done';
  return (
    <div className="rotation-outcome">
      <p role="status" data-testid="rotation-abandoned">
        Rotation abandoned: <strong>{keyRef}</strong> still uses its old key, which stays the current one; the pending new key was removed from the keychain.
        {madeInDashboard && ' The key you created in the dashboard still works there: revoke it there if nothing uses it.'}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
