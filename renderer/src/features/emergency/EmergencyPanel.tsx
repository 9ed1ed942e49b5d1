import { CheckCircle2, RefreshCw, ShieldAlert } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { KeyDetail, LeakCandidateView, RevokeResult } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { errorText } from '../../ui/format.js';
import { useApp } from '../../store/store.js';
import { GuideSteps } from '../rotation/GuideSteps.js';
import { CandidateList } from './CandidateList.js';
import { describeTarget } from '../../../../electron/contract/targets.js';

type Match = NonNullable<LeakCandidateView['match']>;

/**
 * One panel: paste the leaked text → which key it is (or choose among several) and where it is
 * used → revoke → proof of 401 → what next. Opened for one key (its detail's Revoke…), it starts
 * at that key, with no paste.
 */
export function EmergencyPanel({ keyRef }: { keyRef?: string }) {
  const close = useApp((s) => s.close);
  const loadOverview = useApp((s) => s.loadOverview);
  const [leaked, setLeaked] = useState('');
  // The text the chosen key was found in: the host takes the key out of it again (revoke, resume).
  const [foundIn, setFoundIn] = useState<string | undefined>(undefined);
  const [candidates, setCandidates] = useState<LeakCandidateView[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [match, setMatch] = useState<Match | null>(null);
  const [detail, setDetail] = useState<KeyDetail | null>(null);
  const [typedName, setTypedName] = useState('');
  const [phase, setPhase] = useState<'paste' | 'found' | 'revoking' | 'done'>('paste');
  const [result, setResult] = useState<RevokeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const provider = useApp((s) => s.overview?.providers.find((p) => p.id === match?.key.provider));
  // Stable, so it runs once when the element appears, not on every render.
  const focusOnMount = useCallback((el: HTMLElement | null) => el?.focus(), []);

  useEffect(() => {
    if (!keyRef) return;
    void api
      .keyDetail({ ref: keyRef })
      .then((d) => {
        setDetail(d);
        setMatch({ ref: d.key.ref, key: d.key, targets: d.targets });
        setPhase('found');
      })
      .catch((err: unknown) => setError(errorText(err)));
  }, [keyRef]);

  async function choose(list: LeakCandidateView[], index: number) {
    const candidate = list[index];
    setChosen(index);
    setTypedName('');
    setResult(null);
    setPhase('found');
    setMatch(candidate?.match ?? null);
    setDetail(candidate?.match ? await api.keyDetail({ ref: candidate.match.ref }) : null);
  }

  async function find(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    setResult(null);
    try {
      const found = await api.emergencyFind({ leaked });
      setCandidates(found.candidates);
      setFoundIn(leaked);
      setChosen(null);
      setMatch(null);
      setDetail(null);
      if (found.candidates.length === 1) await choose(found.candidates, 0);
      setPhase('found');
    } catch (err) {
      setError(errorText(err));
    }
  }

  // A paste is many lines: Enter is a new line, Ctrl+Enter finds.
  function findOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void find(e);
  }

  async function revoke(resume: boolean) {
    if (!match) return;
    setPhase('revoking');
    setError(null);
    try {
      const outcome = await api.emergencyRevoke({
        ref: match.ref,
        ...(foundIn !== undefined ? { leaked: foundIn } : {}),
        ...(match.key.env === 'production' ? { confirmInstanceName: typedName } : {}),
        waitSeconds: 300,
        resume,
      });
      setResult(outcome);
      if (outcome.proven) {
        setLeaked('');
        setFoundIn(undefined);
      }
      setPhase('done');
      await loadOverview();
    } catch (err) {
      setError(errorText(err));
      setPhase('found');
    }
  }

  const chosenCandidate = candidates && chosen !== null ? candidates[chosen] : undefined;
  const production = match?.key.env === 'production';
  const guided = provider?.revokeBy === 'guided';

  return (
    <Modal title="Emergency revoke" onClose={close} tone="danger" wide>
      {!keyRef && (
        <form className="form" onSubmit={(e) => void find(e)}>
          <label>
            <span>
              Paste the leaked key, or the log lines or command holding it (quotes, <code>Bearer</code>, <code>NAME=value</code> are fine)
            </span>
            <textarea
              // At 3 a.m. the paste box is where the cursor already is.
              autoFocus
              value={leaked}
              onChange={(e) => {
                setLeaked(e.target.value);
                if (phase === 'found') setPhase('paste');
              }}
              onKeyDown={findOnCtrlEnter}
              rows={4}
              autoComplete="off"
              spellCheck={false}
              required
              disabled={phase === 'revoking'}
            />
          </label>
          {phase !== 'revoking' && (
            <button type="submit" className="primary" aria-keyshortcuts="Control+Enter">
              Find the key
            </button>
          )}
        </form>
      )}
      {candidates && candidates.length === 0 && phase !== 'paste' && (
        <p role="alert" className="warning">
          This text matches no stored key and no known provider: revoke it where it was issued.
        </p>
      )}
      {candidates && candidates.length > 1 && phase !== 'paste' && (
        <CandidateList candidates={candidates} chosen={chosen} onChoose={(i) => void choose(candidates, i).catch((err: unknown) => setError(errorText(err)))} disabled={phase === 'revoking'} />
      )}
      {chosenCandidate?.guess && phase !== 'paste' && (
        <div role="alert" className="warning">
          <p>
            This key is not in the vault, but it looks like a {chosenCandidate.guess.provider} key{chosenCandidate.guess.environment ? ` (${chosenCandidate.guess.environment})` : ''}. Revoke it there:
          </p>
          <GuideSteps guide={chosenCandidate.guess.guide} />
        </div>
      )}
      {match && phase !== 'paste' && (
        <section aria-label="The leaked key" data-testid="leak-match">
          <h3>
            {match.ref} <EnvBadge env={match.key.env} />
          </h3>
          <p className="mono">{match.key.maskedKey}</p>
          <p>{match.targets.length > 0 ? `Used in: ${match.targets.map((t) => describeTarget(t).where).join('; ')}` : 'No swap targets recorded for it.'}</p>
          {phase === 'found' && match.key.status === 'revoked' && <p className="muted">This key is revoked already.</p>}
          {phase === 'found' && match.key.status !== 'revoked' && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void revoke(false);
              }}
            >
              {production && (
                <label>
                  <span>
                    This is PRODUCTION: everything that uses it stops working. Type the instance name <strong>{match.key.instance}</strong> to revoke
                  </span>
                  <input value={typedName} onChange={(e) => setTypedName(e.target.value)} aria-label="Instance name" autoComplete="off" spellCheck={false} autoFocus={Boolean(keyRef)} />
                </label>
              )}
              <button type="submit" className="danger big" disabled={production && typedName !== match.key.instance} autoFocus={Boolean(keyRef) && !production}>
                <ShieldAlert size={18} aria-hidden /> Revoke now
              </button>
            </form>
          )}
          {phase === 'revoking' && guided && detail && (
            <div className="guide-box">
              <h3>Revoke it in the dashboard</h3>
              <GuideSteps guide={detail.dashboard.revoke} />
            </div>
          )}
          {phase === 'revoking' && (
            <p role="status" data-testid="revoke-waiting">
              Revoking, then checking until the provider rejects the key (401)…
            </p>
          )}
        </section>
      )}
      {phase === 'done' && result && (
        // The outcome takes the focus (and comes into view on a small window): the button pressed is gone.
        <div role="status" className={result.proven ? 'ok' : 'error'} data-testid="revoke-result" tabIndex={-1} ref={focusOnMount}>
          <p>
            {result.proven ? <CheckCircle2 size={18} aria-hidden /> : null} {result.detail}
          </p>
          {result.proven ? (
            <p>Next: rotate the consumers to a new key — add it, then update the places listed above.</p>
          ) : (
            <>
              {detail && (
                <div className="guide-box">
                  <h3>{guided ? 'Revoke it in the dashboard' : 'If the provider has not revoked it, do it in the dashboard'}</h3>
                  <GuideSteps guide={detail.dashboard.revoke} />
                </div>
              )}
              <p>Keyturn revokes nothing again: it only checks until the provider rejects the key.</p>
              <button type="button" className="primary" onClick={() => void revoke(true)}>
                <RefreshCw size={16} aria-hidden /> Keep checking
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Modal>
  );
}
