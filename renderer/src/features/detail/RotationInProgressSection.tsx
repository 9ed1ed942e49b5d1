import { STEPS } from '../rotation/steps.js';
import { stepText } from '../rotation/step-text.js';
import { AbandonRotation } from '../rotation/AbandonRotation.js';
import type { RotationInProgress } from './useRotationInProgress.js';

/** The shown key's rotation in progress: where it stands, and resume or abandon it when it stopped. */
export function RotationInProgressSection({ progress }: { progress: RotationInProgress }) {
  const { view } = progress;
  if (!view) return null;
  const failed = STEPS.find((s) => view.rotation.steps[s.id].status === 'failed');
  const current = failed ?? STEPS.find((s) => view.rotation.steps[s.id].status !== 'done');
  const where = failed ? `stopped at “${failed.title}”: ${stepText(view.rotation, failed.id) ?? 'it did not finish'}` : current ? `at “${current.title}”` : 'every step is done';
  return (
    <section aria-label="Rotation in progress" className="warning rotation-in-progress" data-testid="rotation-in-progress">
      <h3>Rotation in progress</h3>
      {view.heldBy ? (
        <p>
          Running in {view.heldBy}, {where}: wait for it to finish there.
        </p>
      ) : view.running ? (
        <p>Running in this window, {where}.</p>
      ) : (
        <p>Interrupted, {where}.</p>
      )}
      {view.heldBy === null && (
        <div className="actions">
          <button type="button" className="primary" onClick={progress.resume}>
            {view.running ? 'Open it' : 'Resume'}
          </button>
          {progress.stopped && <AbandonRotation keyRef={view.ref} busy={progress.abandoning} onAbandon={() => void progress.abandon()} />}
        </div>
      )}
      {progress.failure && (
        <p role="alert" className="error">
          {progress.failure.text}
        </p>
      )}
    </section>
  );
}
