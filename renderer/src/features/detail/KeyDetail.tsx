import { CheckCircle2, RefreshCw, ShieldAlert } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { KeyDetail as Detail } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { needsAttention, PolicyBadge } from '../../ui/PolicyBadge.js';
import { ageInDays, errorText, shortDate } from '../../ui/format.js';
import { useApp } from '../../store/store.js';
import { KeyDates } from './KeyDates.js';
import { RevealCopy } from './RevealCopy.js';
import { Targets } from './Targets.js';

/** The selected key: metadata, actions, swap targets and rotation history. */
export function KeyDetail() {
  const ref = useApp((s) => s.selectedKeyRef);
  const overview = useApp((s) => s.overview);
  const open = useApp((s) => s.open);
  const announce = useApp((s) => s.announce);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(() => {
    if (!ref) return setDetail(null);
    api.keyDetail({ ref }).then(setDetail, (e: unknown) => setError(errorText(e)));
  }, [ref]);
  useEffect(load, [load, overview]);

  if (!ref) return <aside className="detail muted">Select a key to see its details.</aside>;
  if (!detail) return <aside className="detail">{error ?? 'Loading…'}</aside>;
  const k = detail.key;
  const row = overview?.keys.find((r) => r.id === k.id);
  const v = k.lastVerification;

  async function snooze() {
    try {
      const { until } = await api.reminderSnooze({ ref: k.ref, days: 7 });
      announce(`No reminder for ${k.ref} until ${until.slice(0, 10)}`);
    } catch (e) {
      announce(errorText(e));
    }
  }

  async function verify() {
    // aria-disabled while it runs, so the focus stays on the button for keyboard users.
    if (verifying) return;
    setVerifying(true);
    try {
      const [outcome] = await api.keyVerify({ refs: [k.ref] });
      announce(outcome ? `${k.ref}: ${outcome.result} — ${outcome.reason}` : 'verified');
      load();
    } catch (e) {
      announce(errorText(e));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <aside className="detail" aria-label="Key detail">
      <h2>
        {k.name} <EnvBadge env={k.env} />
      </h2>
      <p className="mono">{k.maskedKey}</p>
      <dl className="facts">
        <dt>Reference</dt>
        <dd>{k.ref}</dd>
        <dt>Status</dt>
        <dd className={`status status-${k.status}`}>{k.status}</dd>
        <dt>Age</dt>
        <dd>{ageInDays(k.createdAt)} days</dd>
        <dt>Expires</dt>
        <dd>
          <KeyDates key={`${k.id}:${k.expiresOn ?? ''}:${k.maxAgeDays ?? ''}`} keyView={k} />
        </dd>
        <dt>Policy</dt>
        <dd data-testid="key-policy">
          {row ? (
            <>
              <PolicyBadge state={row.policy.state} /> {row.policy.dueOn && `${row.policy.dueBy === 'provider expiry' ? 'expires' : 'rotate by'} ${row.policy.dueOn}`}
              {needsAttention(row.policy.state) && (
                <button type="button" className="link" onClick={() => void snooze()}>
                  Snooze reminders a week
                </button>
              )}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Last verified</dt>
        <dd data-testid="last-verified">{v ? `${v.result} (${v.httpStatus ?? 'no answer'}) ${shortDate(v.at)} — ${v.reason}` : 'never'}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => void verify()} aria-disabled={verifying}>
          <CheckCircle2 size={16} aria-hidden /> {verifying ? 'Verifying…' : 'Verify now'}
        </button>
        <button type="button" onClick={() => open({ kind: 'rotate', ref: k.ref })} disabled={k.status !== 'active'}>
          <RefreshCw size={16} aria-hidden /> Rotate
        </button>
        <button type="button" className="danger" onClick={() => open({ kind: 'emergency', ref: k.ref })}>
          <ShieldAlert size={16} aria-hidden /> Revoke…
        </button>
      </div>
      {k.status === 'active' || k.status === 'pending' ? <RevealCopy keyRef={k.ref} /> : null}
      <Targets keyRef={k.ref} targets={detail.targets} onChanged={load} />
      <section aria-label="Rotation history">
        <h3>Rotations</h3>
        {detail.rotations.length === 0 ? (
          <p className="muted">Never rotated.</p>
        ) : (
          <ul>
            {detail.rotations.map((r) => (
              <li key={r.id}>
                {shortDate(r.startedAt)} — {r.state}
                {r.steps.create.path ? ` (created by ${r.steps.create.path})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
