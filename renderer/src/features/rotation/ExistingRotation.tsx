import type { RotationControl } from './useRotation.js';
import { AbandonRotation } from './AbandonRotation.js';

/** Start found a rotation of this key already in progress: carry it on here, or abandon it. */
export function ExistingRotation({ rotation, keyRef }: { rotation: RotationControl; keyRef: string }) {
  return (
    <div role="alert" className="warning" data-testid="rotation-existing">
      <p>A rotation of {keyRef} is already in progress and stopped: resume it to carry on where it stopped, or abandon it to keep the old key and start again later.</p>
      <div className="stopped-actions">
        <button type="button" className="primary" aria-disabled={rotation.acting || undefined} onClick={() => void rotation.resumeNow()}>
          Resume
        </button>
        <AbandonRotation keyRef={keyRef} busy={rotation.acting} onAbandon={() => void rotation.abandon()} />
      </div>
    </div>
  );
}
