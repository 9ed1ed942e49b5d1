import type { RotationControl } from './useRotation.js';
import { AbandonRotation } from './AbandonRotation.js';
import { stepText } from './step-text.js';
import './rotation.css';

/**
 * A rotation that stopped at a step: why, and every way on from there — resume it, use a different
 * key when the pasted one was refused or does not work, or abandon it. None leaves the person stuck.
 */
export function StoppedRotation({ rotation, keyRef }: { rotation: RotationControl; keyRef: string }) {
  const { view, failedStep } = rotation;
  // Waiting on the person (a question) is not stopped; nor is a rotation that is over.
  if (!view || view.running || view.question || view.rotation.state !== 'in-progress') return null;
  // A guided rotation that stopped before its new key is proven: the pasted key (refused, or not
  // accepted by the provider, which the swap checks before writing anywhere) may be the fault, and
  // another key is a way on. At the swap it may be a target's file instead: Resume stays first there.
  // (A create stopped with nothing pasted just asks again on Resume.)
  const guided = view.rotation.steps.create.path === 'guided';
  const pasteRefused = failedStep?.id === 'create' && view.rotation.steps.create.problemContext === 'pasted-key';
  const keyFirst = guided && (failedStep?.id === 'verify' || pasteRefused);
  const offerKey = keyFirst || (guided && failedStep?.id === 'swap');
  return (
    <div role="alert" className="stopped-rotation" data-testid="rotation-stopped">
      <p className="error">{failedStep ? `Stopped at “${failedStep.title}”: ${stepText(view.rotation, failedStep.id) ?? 'it did not finish'}` : 'The rotation stopped before it finished.'}</p>
      <div className="stopped-actions">
        {offerKey && (
          <button type="button" className={keyFirst ? 'primary' : ''} aria-disabled={rotation.acting || undefined} onClick={() => void rotation.replaceNewKey()}>
            Use a different key
          </button>
        )}
        <button type="button" className={keyFirst ? '' : 'primary'} aria-disabled={rotation.acting || undefined} onClick={() => void rotation.resumeNow()}>
          Resume
        </button>
        <AbandonRotation keyRef={keyRef} busy={rotation.acting} onAbandon={() => void rotation.abandon()} />
      </div>
    </div>
  );
}
