import { CheckCircle2, ShieldAlert } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { KeyDetail, LeakFinding, RevokeResult } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { errorText } from '../../ui/format.js';
import { useApp } from '../../store/store.js';
import { GuideSteps } from '../rotation/GuideSteps.js';

/** One panel: paste the leaked key → which key it is and where it is used → revoke → proof of 401 → what next. */
export function EmergencyPanel() {
  const close = useApp((s) => s.close);
  const loadOverview = useApp((s) => s.loadOverview);
  const [leaked, setLeaked] = useState('');
  const [finding, setFinding] = useState<LeakFinding | null>(null);
  const [detail, setDetail] = useState<KeyDetail | null>(null);
  const [phase, setPhase] = useState<'paste' | 'found' | 'revoking' | 'done'>('paste');
  const [result, setResult] = useState<RevokeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const provider = useApp((s) => s.overview?.providers.find((p) => p.id === finding?.match?.key.provider));

  async function find(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const found = await api.emergencyFind({ leaked });
      setFinding(found);
      if (found.match) setDetail(await api.keyDetail({ ref: found.match.ref }));
      setPhase('found');
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function revoke() {
    if (!finding?.match) return;
    setPhase('revoking');
    setError(null);
    try {
      const outcome = await api.emergencyRevoke({ ref: finding.match.ref, leaked, waitSeconds: 300 });
      setResult(outcome);
      setLeaked('');
      setPhase('done');
      await loadOverview();
    } catch (err) {
      setError(errorText(err));
      setPhase('found');
    }
  }

  return (
    <Modal title="Emergency revoke" onClose={close} tone="danger" wide>
      <form className="form" onSubmit={(e) => void find(e)}>
        <label>
          Paste the leaked key (quotes, <code>Bearer</code>, <code>NAME=value</code> are fine)
          <textarea value={leaked} onChange={(e) => setLeaked(e.target.value)} rows={2} autoComplete="off" spellCheck={false} required disabled={phase === 'revoking'} />
        </label>
        {phase === 'paste' && (
          <button type="submit" className="primary">
            Find the key
          </button>
        )}
      </form>
      {phase !== 'paste' && finding && !finding.match && (
        <div role="alert" className="warning">
          {finding.guess ? (
            <>
              <p>
                This key is not in the vault, but it looks like a {finding.guess.provider} key{finding.guess.environment ? ` (${finding.guess.environment})` : ''}. Revoke it there:
              </p>
              <GuideSteps guide={finding.guess.guide} />
            </>
          ) : (
            <p>This key matches no stored key and no known provider: revoke it where it was issued.</p>
          )}
        </div>
      )}
      {finding?.match && (
        <section aria-label="The leaked key" data-testid="leak-match">
          <h3>
            {finding.match.ref} <EnvBadge env={finding.match.key.env} />
          </h3>
          <p className="mono">{finding.match.key.maskedKey}</p>
          <p>{finding.match.targets.length > 0 ? `Used in: ${finding.match.targets.map((t) => (t.kind === 'dotenv' ? `${t.variable} in ${t.file}` : `command ${t.command}`)).join('; ')}` : 'No swap targets recorded for it.'}</p>
          {phase === 'found' && (
            <button type="button" className="danger big" onClick={() => void revoke()}>
              <ShieldAlert size={18} aria-hidden /> Revoke now
            </button>
          )}
          {phase === 'revoking' && provider?.revokeBy === 'guided' && detail && (
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
        <div role="status" className={result.proven ? 'ok' : 'error'} data-testid="revoke-result">
          <p>
            {result.proven ? <CheckCircle2 size={18} aria-hidden /> : null} {result.detail}
          </p>
          {result.proven && <p>Next: rotate the consumers to a new key — add it, then update the places listed above.</p>}
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
