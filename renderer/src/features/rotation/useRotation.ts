import { useCallback, useEffect, useState } from 'react';
import type { CallArgs } from '../../../../electron/contract/contract.js';
import type { RotationView } from '../../../../electron/contract/views.js';
import { CallError, hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { secretLengthProblem } from '../../ui/secret-length.js';
import { useApp } from '../../store/store.js';
import { appProblemText } from '../../problems/wordings.js';
import { hasNativeExpiry } from './native-expiry.js';
import { STEPS } from './steps.js';
import { useNewKeyCheck, type NewKeyCheckLine } from './useNewKeyCheck.js';

export type RotationAnswer = CallArgs<'rotation.answer'>['answer'];

/** How often a running rotation is read again, in case an event was missed. */
const HEARTBEAT_MS = 1_000;

/**
 * One key's rotation as the wizard drives it: start (or resume) it in the host, follow each step's
 * live state, answer the questions it parks (the pasted key, a warning, which remote key), and
 * back out of it: another pasted key in place of a wrong one, or the whole rotation abandoned.
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
  /** The expiry the person chose in the dashboard, for a provider that sets one (Nora); YYYY-MM-DD or empty. */
  const [expiresOn, setExpiresOn] = useState('');
  /** A call of the wizard's own buttons is under way: a second press does nothing. */
  const [acting, setActing] = useState(false);
  /** Start found this key's rotation already in progress (stopped, nobody runs it): the wizard offers to resume or abandon it here. */
  const [existing, setExisting] = useState(false);
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

  // Each step that ends changes keys (the pending key stored, promoted, the old one revoked; or
  // the pending key removed when abandoned): the vault is read again, so the table shows it as it is.
  const progress = view ? `${view.rotation.state}:${STEPS.map((s) => view.rotation.steps[s.id].status).join(',')}` : null;
  useEffect(() => {
    if (progress) void loadOverview();
  }, [progress, loadOverview]);

  const question = view?.question ?? null;
  const liveCheck = useNewKeyCheck(question?.kind === 'paste' && rotationId ? rotationId : null, pasted);
  const asksExpiry = hasNativeExpiry(provider);

  const production = key?.env === 'production';

  async function start() {
    setFailure(null);
    try {
      setView(await hostApi().rotationStart({ ref: keyRef, inPlace, ...(production ? { confirmInstanceName: typedName } : {}) }));
    } catch (err) {
      setExisting(err instanceof CallError && err.problem.code === 'rotation.already-in-progress');
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

  /** The pasted key, refused here when it is longer than any key, else sent as the answer (with the dashboard's expiry, when asked). */
  function submitPaste() {
    const tooLong = secretLengthProblem(pasted);
    setPasteProblem(tooLong);
    if (!tooLong) void answer({ kind: 'paste', secret: pasted, ...(asksExpiry && expiresOn ? { expiresOn } : {}) });
  }

  /** One call of the wizard's own buttons at a time; its failure is shown, its view replaces the last. */
  async function act(work: () => Promise<RotationView>) {
    if (acting) return;
    setActing(true);
    setFailure(null);
    try {
      setView(await work());
    } catch (err) {
      fail(err);
    } finally {
      setActing(false);
    }
  }

  const resumeNow = () => act(() => hostApi().rotationResume({ ref: keyRef }));

  /** Use a different key: the pending key leaves the keychain, and the dashboard step and paste field come back. */
  const replaceNewKey = () =>
    act(async () => {
      if (!view) throw new Error('there is no rotation to change');
      setPasted('');
      setPasteProblem(null);
      const replaced = await hostApi().rotationReplaceNewKey({ rotationId: view.rotation.id });
      // The host may leave it stopped: run it again here, so the paste question is asked at once.
      return replaced.running || replaced.question ? replaced : hostApi().rotationResume({ ref: keyRef });
    });

  /** Abandon: the pending key removed, the old key left current; the rotation of this key found by its ref when the wizard has none yet. */
  const abandon = () =>
    act(async () => {
      const id = view?.rotation.id ?? (await hostApi().rotationInProgress({})).find((r) => r.ref === keyRef)?.rotation.id;
      if (!id) throw new CallError({ code: 'rotation.not-in-progress', ref: keyRef }, 'input');
      return hostApi().rotationAbandon({ rotationId: id });
    });

  const submitProblem = pasteProblem ? `That key cannot be used: ${pasteProblem}.` : null;
  const hostProblem = question?.kind === 'paste' && question.problem ? appProblemText(question.problem) : null;

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
    pasteProblem: submitProblem ?? hostProblem,
    /**
     * The one message next to the New key field: a refused save (an alert), else what the live
     * check says of what is typed now (a status), else why the host refused the last paste (an alert).
     */
    pasteNote: pasteNoteOf(submitProblem, liveCheck, hostProblem),
    /** The provider sets the new key's expiry in its dashboard: the wizard asks for that date. */
    asksExpiry,
    expiresOn,
    setExpiresOn,
    failure,
    existing,
    acting,
    failedStep: view ? STEPS.find((s) => view.rotation.steps[s.id].status === 'failed') : undefined,
    start,
    answer,
    submitPaste,
    resumeNow,
    replaceNewKey,
    abandon,
  };
}

export type RotationControl = ReturnType<typeof useRotation>;

export interface PasteNote {
  text: string;
  live: 'alert' | 'status';
  tone: 'ok' | 'error';
}

function pasteNoteOf(submitProblem: string | null, liveCheck: NewKeyCheckLine, hostProblem: string | null): PasteNote | null {
  if (submitProblem) return { text: submitProblem, live: 'alert', tone: 'error' };
  if (liveCheck) return { text: liveCheck.text, live: 'status', tone: liveCheck.tone };
  return hostProblem ? { text: hostProblem, live: 'alert', tone: 'error' } : null;
}
