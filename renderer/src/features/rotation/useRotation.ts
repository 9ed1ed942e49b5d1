import { useCallback, useEffect, useState } from 'react';
import type { CallArgs } from '../../../../electron/contract/contract.js';
import type { RotationView } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { secretLengthProblem } from '../../ui/secret-length.js';
import { useApp } from '../../store/store.js';
import { appProblemText } from '../../problems/wordings.js';
import { STEPS } from './steps.js';

export type RotationAnswer = CallArgs<'rotation.answer'>['answer'];

/** How often a running rotation is read again, in case an event was missed. */
const HEARTBEAT_MS = 1_000;

/**
 * One key's rotation as the wizard drives it: start (or resume) it in the host, follow each step's
 * live state, and answer the questions it parks (the pasted key, a warning, which remote key).
 */
export function useRotation(keyRef: string, resume: boolean) {
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
  const [failure, setFailure] = useState<Failure | null>(null);
  const fail = useCallback((e: unknown) => setFailure(failureOf(e)), []);

  const refresh = useCallback((rotationId: string) => {
    hostApi().rotationGet({ rotationId }).then(setView, fail);
  }, [fail]);

  useEffect(() => {
    if (resume) hostApi().rotationResume({ ref: keyRef }).then(setView, fail);
  }, [resume, keyRef, fail]);

  const rotationId = view?.rotation.id;
  const running = view?.running ?? false;
  useEffect(() => {
    if (!rotationId) return;
    const unsubscribe = hostApi().onRotationChanged((changed) => {
      if (changed.rotationId === rotationId) refresh(rotationId);
    });
    // What happened before the subscription, and a slow heartbeat in case an event was missed.
    refresh(rotationId);
    const heartbeat = running ? setInterval(() => refresh(rotationId), HEARTBEAT_MS) : undefined;
    return () => {
      unsubscribe();
      clearInterval(heartbeat);
    };
  }, [rotationId, running, refresh]);

  useEffect(() => {
    if (view?.rotation.state === 'completed') void loadOverview();
  }, [view?.rotation.state, loadOverview]);

  const production = key?.env === 'production';

  async function start() {
    setFailure(null);
    try {
      setView(await hostApi().rotationStart({ ref: keyRef, inPlace, ...(production ? { confirmInstanceName: typedName } : {}) }));
    } catch (err) {
      fail(err);
    }
  }

  async function answer(a: RotationAnswer) {
    if (!view) return;
    setFailure(null);
    try {
      setView(await hostApi().rotationAnswer({ rotationId: view.rotation.id, answer: a }));
      setPasted('');
    } catch (err) {
      fail(err);
    }
  }

  /** The pasted key, refused here when it is longer than any key, else sent as the answer. */
  function submitPaste() {
    const tooLong = secretLengthProblem(pasted);
    setPasteProblem(tooLong);
    if (!tooLong) void answer({ kind: 'paste', secret: pasted });
  }

  async function resumeNow() {
    try {
      setView(await hostApi().rotationResume({ ref: keyRef }));
    } catch (err) {
      fail(err);
    }
  }

  const question = view?.question ?? null;
  return {
    key,
    provider,
    view,
    production,
    typedName,
    setTypedName,
    inPlace,
    setInPlace,
    /** Production keys start only once their instance name is typed back exactly. */
    canStart: !production || typedName === key?.instance,
    pasted,
    setPasted: (text: string) => {
      setPasted(text);
      setPasteProblem(null);
    },
    /** Why the pasted key cannot be used, as a sentence: refused here, or by the host with its question (its problem in the app's words). */
    pasteProblem: pasteProblem ? `That key cannot be used: ${pasteProblem}.` : question?.kind === 'paste' && question.problem ? appProblemText(question.problem) : null,
    failure,
    failedStep: view ? STEPS.find((s) => view.rotation.steps[s.id].status === 'failed') : undefined,
    start,
    answer,
    submitPaste,
    resumeNow,
  };
}

export type RotationControl = ReturnType<typeof useRotation>;
