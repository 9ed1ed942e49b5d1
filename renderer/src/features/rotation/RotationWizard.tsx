import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';
import { GuideSteps } from './GuideSteps.js';
import { PasteNewKey } from './PasteNewKey.js';
import { RemoteKeyChoice } from './RemoteKeyChoice.js';
import { StartRotation } from './StartRotation.js';
import { StepList } from './StepList.js';
import { stepText } from './step-text.js';
import { useRotation } from './useRotation.js';
import { appProblemText } from '../../problems/wordings.js';

/** create → swap → verify → revoke, each step's live state from the host; guided steps inline. */
export function RotationWizard({ keyRef, resume }: { keyRef: string; resume: boolean }) {
  const close = useApp((s) => s.close);
  const rotation = useRotation(keyRef, resume);
  const { key, view, failedStep } = rotation;
  const starting = !view && !resume;
  const question = view?.question ?? null;
  // A failure about the typed-back name or the pasted key is shown by its field; any other below.
  const placed = placeFailure(rotation.failure, [...(starting ? (['confirmName'] as const) : []), ...(question?.kind === 'paste' ? (['secret'] as const) : [])]);

  return (
    <Modal title={`Rotate ${keyRef}`} onClose={close} wide>
      {key && (
        <p>
          <EnvBadge env={key.env} /> {key.maskedKey}
        </p>
      )}
      {starting && <StartRotation rotation={rotation} confirmNote={placed.at('confirmName')} onCancel={close} />}
      {view && (
        <>
          <StepList rotation={view.rotation} />
          {question?.kind === 'paste' && <PasteNewKey guide={question.guide} rotation={rotation} secretNote={placed.at('secret')} />}
          {question?.kind === 'confirm-warnings' && (
            <div role="alert" className="warning">
              {question.warnings.map((w) => (
                <p key={w}>{w}</p>
              ))}
              <div className="actions">
                <button type="button" onClick={() => void rotation.answer({ kind: 'confirm', yes: false })}>
                  Stop before revoking
                </button>
                <button type="button" className="danger" onClick={() => void rotation.answer({ kind: 'confirm', yes: true })}>
                  Revoke the old key anyway
                </button>
              </div>
            </div>
          )}
          {question?.kind === 'choose-remote-key' && <RemoteKeyChoice question={question} onAnswer={(remoteId) => void rotation.answer({ kind: 'remote-id', remoteId })} />}
          {view.revokeGuide && (
            <div className="guide-box">
              <h3>Revoke the old key in the dashboard</h3>
              <GuideSteps guide={view.revokeGuide} />
              <p role="status">Waiting until the old key is rejected (401)…</p>
            </div>
          )}
          {view.rotation.state === 'completed' && (
            <p role="status" className="ok" data-testid="rotation-complete">
              Rotation complete: the new key is in use and the old key is proven dead.
            </p>
          )}
          {!view.running && view.rotation.state !== 'completed' && failedStep && (
            <div role="alert" className="error">
              <p>
                Stopped at “{failedStep.title}”: {stepText(view.rotation, failedStep.id)}
              </p>
              <button type="button" className="primary" onClick={() => void rotation.resumeNow()}>
                Resume
              </button>
            </div>
          )}
          {!view.running && view.failure && (
            <p role="alert" className="error" data-testid="rotation-failure">
              {appProblemText(view.failure.problem)}
            </p>
          )}
          {view.rotation.warnings.map((w) => (
            <p key={w} className="warning">
              {w}
            </p>
          ))}
        </>
      )}
      {placed.general && (
        <p role="alert" className="error">
          {placed.general}
        </p>
      )}
    </Modal>
  );
}
