import { CheckCircle2, Circle, Loader2, XCircle } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RotationView } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { appProblemText } from '../../problems/wordings.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { errorText } from '../../ui/format.js';
import { secretLengthProblem } from '../../ui/secret-length.js';
import { useApp } from '../../store/store.js';
import { GuideSteps } from './GuideSteps.js';
import { RemoteKeyChoice } from './RemoteKeyChoice.js';
import { STEPS } from './steps.js';

const ICONS = { waiting: Circle, running: Loader2, done: CheckCircle2, failed: XCircle } as const;

/** create → swap → verify → revoke, each step's live state from the host; guided steps inline. */
export function RotationWizard({ keyRef, resume }: { keyRef: string; resume: boolean }) {
  const close = useApp((s) => s.close);
  const loadOverview = useApp((s) => s.loadOverview);
  const overview = useApp((s) => s.overview);
  const key = overview?.keys.find((k) => k.ref === keyRef);
  const provider = overview?.providers.find((p) => p.id === key?.provider);
  const [view, setView] = useState<RotationView | null>(null);
  const [typedName, setTypedName] = useState('');
  const [inPlace, setInPlace] = useState(false);
  const [pasted, setPasted] = useState('');
  /** A paste refused here before it was sent (longer than any key); the host's own problems come with the question. */
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback((rotationId: string) => {
    api.rotationGet({ rotationId }).then(setView, (e: unknown) => setError(errorText(e)));
  }, []);

  useEffect(() => {
    if (resume) api.rotationResume({ ref: keyRef }).then(setView, (e: unknown) => setError(errorText(e)));
  }, [resume, keyRef]);

  const rotationId = view?.rotation.id;
  const running = view?.running ?? false;
  useEffect(() => {
    if (!rotationId) return;
    const unsubscribe = api.onRotationChanged((changed) => {
      if (changed.rotationId === rotationId) refresh(rotationId);
    });
    // What happened before the subscription, and a slow heartbeat in case an event was missed.
    refresh(rotationId);
    const heartbeat = running ? setInterval(() => refresh(rotationId), 1_000) : undefined;
    return () => {
      unsubscribe();
      clearInterval(heartbeat);
    };
  }, [rotationId, running, refresh]);

  useEffect(() => {
    if (view?.rotation.state === 'completed') void loadOverview();
  }, [view?.rotation.state, loadOverview]);

  async function start(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setView(await api.rotationStart({ ref: keyRef, inPlace, ...(key?.env === 'production' ? { confirmInstanceName: typedName } : {}) }));
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function answer(a: Parameters<typeof api.rotationAnswer>[0]['answer']) {
    if (!view) return;
    setError(null);
    try {
      setView(await api.rotationAnswer({ rotationId: view.rotation.id, answer: a }));
      setPasted('');
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function resumeNow() {
    try {
      setView(await api.rotationResume({ ref: keyRef }));
    } catch (err) {
      setError(errorText(err));
    }
  }

  const failed = view ? STEPS.find((s) => view.rotation.steps[s.id].status === 'failed') : undefined;

  return (
    <Modal title={`Rotate ${keyRef}`} onClose={close} wide>
      {key && (
        <p>
          <EnvBadge env={key.env} /> {key.maskedKey}
        </p>
      )}
      {!view && !resume && (
        <form className="form" onSubmit={(e) => void start(e)}>
          <p>Keyturn creates the new key, writes it to every swap target, checks it works, and only then revokes the old one.</p>
          {provider?.rotateInPlace && (
            <label className="check">
              <input type="checkbox" checked={inPlace} onChange={(e) => setInPlace(e.target.checked)} /> Rotate in place — the old key dies at once: everything that uses it fails until it has the new key
            </label>
          )}
          {key?.env === 'production' && (
            <label>
              This is PRODUCTION. Type the instance name <strong>{key.instance}</strong> to continue
              <input value={typedName} onChange={(e) => setTypedName(e.target.value)} aria-label="Instance name" autoComplete="off" />
            </label>
          )}
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={key?.env === 'production' && typedName !== key.instance}>
              Start rotation
            </button>
          </div>
        </form>
      )}
      {view && (
        <>
          <ol className="stepper" aria-label="Rotation steps">
            {STEPS.map((s) => {
              const step = view.rotation.steps[s.id];
              const Icon = ICONS[step.status];
              return (
                <li key={s.id} className={`step step-${step.status}`} data-testid={`step-${s.id}`} data-status={step.status}>
                  <Icon size={18} aria-hidden className={step.status === 'running' ? 'spin' : ''} />
                  <div>
                    <strong>{s.title}</strong> <span className="muted">{step.status}</span>
                    {step.detail && <p>{step.detail}</p>}
                  </div>
                </li>
              );
            })}
          </ol>
          {view.question?.kind === 'paste' && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                const tooLong = secretLengthProblem(pasted);
                setPasteProblem(tooLong);
                if (!tooLong) void answer({ kind: 'paste', secret: pasted });
              }}
            >
              <h3>Create the new key in the dashboard, then paste it here</h3>
              <GuideSteps guide={view.question.guide} />
              {(pasteProblem ?? view.question.problem) && (
                <p role="alert" className="error">
                  That key cannot be used: {pasteProblem ?? view.question.problem}.
                </p>
              )}
              <label>
                New key
                <input type="password" autoComplete="off" value={pasted} onChange={(e) => {
                    setPasted(e.target.value);
                    setPasteProblem(null);
                  }} required />
              </label>
              <div className="actions">
                <button type="button" onClick={() => void answer({ kind: 'stop' })}>
                  Stop here
                </button>
                <button type="submit" className="primary">
                  Save new key
                </button>
              </div>
            </form>
          )}
          {view.question?.kind === 'confirm-warnings' && (
            <div role="alert" className="warning">
              {view.question.warnings.map((w) => (
                <p key={w}>{w}</p>
              ))}
              <div className="actions">
                <button type="button" onClick={() => void answer({ kind: 'confirm', yes: false })}>
                  Stop before revoking
                </button>
                <button type="button" className="danger" onClick={() => void answer({ kind: 'confirm', yes: true })}>
                  Revoke the old key anyway
                </button>
              </div>
            </div>
          )}
          {view.question?.kind === 'choose-remote-key' && <RemoteKeyChoice question={view.question} onAnswer={(remoteId) => void answer({ kind: 'remote-id', remoteId })} />}
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
          {!view.running && view.rotation.state !== 'completed' && failed && (
            <div role="alert" className="error">
              <p>
                Stopped at “{failed.title}”: {view.rotation.steps[failed.id].detail}
              </p>
              <button type="button" className="primary" onClick={() => void resumeNow()}>
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Modal>
  );
}
