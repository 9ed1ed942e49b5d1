import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';
import { ExistingRotation } from './ExistingRotation.js';
import { GuideSteps } from './GuideSteps.js';
import { PasteNewKey } from './PasteNewKey.js';
import { RemoteKeyChoice } from './RemoteKeyChoice.js';
import { RotationOutcome } from './RotationOutcome.js';
import { StartRotation } from './StartRotation.js';
import { StepList } from './StepList.js';
import { StoppedRotation } from './StoppedRotation.js';
import { SwapReferences } from './SwapReferences.js';
import { useRotation } from './useRotation.js';
import { appProblemText } from '../../problems/wordings.js';
import './rotation.css';

/** create → swap → verify → revoke, each step's live state from the host; guided steps inline; every way out in the app. */
export function RotationWizard({ keyRef, resume }: { keyRef: string; resume: boolean }) {
  const close = useApp((s) => s.close);
  const rotation = useRotation(keyRef, resume);
  const { key, view } = rotation;
  const existing = !view && rotation.existing;
  const starting = !view && !resume && !existing;
  const question = view?.question ?? null;
  const finished = view?.rotation.state === 'completed' || view?.rotation.state === 'abandoned';
  // A failure about the typed-back name or the pasted key is shown by its field; any other below.
  // An existing rotation found by Start is said in the wizard's own words, with its buttons.
  const placed = placeFailure(existing ? null : rotation.failure, [
    ...(starting ? (['confirmName'] as const) : []),
    ...(question?.kind === 'paste' ? (['secret', 'expires'] as const) : []),
  ]);

  return (
    <Modal title={`Rotate ${keyRef}`} onClose={close} wide>
      <div className="wizard">
      {key && (
        <p>
          <EnvBadge env={key.env} /> {key.maskedKey}
        </p>
      )}
      {starting && <StartRotation rotation={rotation} confirmNote={placed.at('confirmName')} onCancel={close} />}
      {existing && <ExistingRotation rotation={rotation} keyRef={keyRef} />}
      {view && (
        <>
          <StepList rotation={view.rotation} under={{ swap: <SwapReferences sites={view.referenceSites} keyRef={keyRef} /> }} />
          {question?.kind === 'paste' && <PasteNewKey guide={question.guide} rotation={rotation} secretNote={placed.at('secret')} expiresNote={placed.at('expires')} />}
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
          <RotationOutcome view={view} keyRef={keyRef} onClose={close} />
          <StoppedRotation rotation={rotation} keyRef={keyRef} />
          {!view.running && !finished && view.failure && (
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
      {/* A resume the host refused leaves nothing to do here: the way out is a button, not only Escape. */}
      {!view && resume && rotation.failure && (
        <div className="actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      )}
      </div>
    </Modal>
  );
}
