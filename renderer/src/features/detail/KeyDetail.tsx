import { CheckCircle2, RefreshCw, ShieldAlert } from 'lucide-react';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { needsAttention, PolicyBadge } from '../../ui/PolicyBadge.js';
import { ageInDays, shortDate } from '../../ui/format.js';
import { useApp } from '../../store/store.js';
import { KeyDates } from './KeyDates.js';
import { RevealCopy } from './RevealCopy.js';
import { Targets } from './Targets.js';
import { useKeyDetail } from './useKeyDetail.js';

/** The selected key: metadata, actions, swap targets and rotation history. */
export function KeyDetail() {
  const ref = useApp((s) => s.selectedKeyRef);
  const open = useApp((s) => s.open);
  const keyDetail = useKeyDetail(ref);
  const { detail, row } = keyDetail;

  if (!ref) return <aside className="detail muted">Select a key to see its details.</aside>;
  if (!detail) return <aside className="detail">{keyDetail.error ?? 'Loading…'}</aside>;
  const k = detail.key;
  const v = k.lastVerification;

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
                <button type="button" className="link" onClick={() => void keyDetail.snooze(k.ref)}>
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
        <button type="button" onClick={() => void keyDetail.verify(k.ref)} aria-disabled={keyDetail.verifying}>
          <CheckCircle2 size={16} aria-hidden /> {keyDetail.verifying ? 'Verifying…' : 'Verify now'}
        </button>
        <button type="button" onClick={() => open({ kind: 'rotate', ref: k.ref })} disabled={k.status !== 'active'}>
          <RefreshCw size={16} aria-hidden /> Rotate
        </button>
        <button type="button" className="danger" onClick={() => open({ kind: 'emergency', ref: k.ref })}>
          <ShieldAlert size={16} aria-hidden /> Revoke…
        </button>
      </div>
      {k.status === 'active' || k.status === 'pending' ? <RevealCopy keyRef={k.ref} /> : null}
      <Targets keyRef={k.ref} targets={detail.targets} onChanged={keyDetail.load} />
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
