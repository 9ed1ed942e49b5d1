import { CheckCircle2, Pencil, RefreshCw, ShieldAlert, Trash2 } from 'lucide-react';
import { useEffect } from 'react';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { needsAttention, PolicyBadge } from '../../ui/PolicyBadge.js';
import { ageInDays, shortDate } from '../../ui/format.js';
import { useApp } from '../../store/store.js';
import { CopyReference } from './CopyReference.js';
import { KeyDates } from './KeyDates.js';
import { KeyStanding } from './KeyStanding.js';
import { RotationInProgressSection } from './RotationInProgressSection.js';
import { useRotationInProgress } from './useRotationInProgress.js';
import { ReferenceSites } from './ReferenceSites.js';
import { ScanSites } from './ScanSites.js';
import { RevealCopy } from './RevealCopy.js';
import { Targets } from './Targets.js';
import { useKeyDetail } from './useKeyDetail.js';

/** Only these statuses have a secret worth showing: the current key and a rotation's pending key. */
const REVEALABLE = new Set(['active', 'pending']);

/** The selected key: metadata and its reference, what it is (pending, rejected), actions, its rotation in progress, swap targets, reference sites and rotation history. */
export function KeyDetail() {
  const ref = useApp((s) => s.selectedKeyRef);
  const open = useApp((s) => s.open);
  const keyDetail = useKeyDetail(ref);
  const { detail, row } = keyDetail;
  const progress = useRotationInProgress(detail);
  const provider = useApp((s) => s.overview?.providers.find((p) => p.id === detail?.key.provider));
  const request = useApp((s) => s.detailRequest);
  const shownRef = detail?.key.ref;
  const shownStatus = detail?.key.status;

  // A reveal asked for a key that has no secret to show (revoked, previous): said once, and the request dropped.
  useEffect(() => {
    if (!request || request.ref !== shownRef || !shownStatus || REVEALABLE.has(shownStatus)) return;
    useApp.getState().requestDetail(null);
    useApp.getState().toast(`${shownRef} is ${shownStatus}: there is no current secret to reveal`, 'info');
  }, [request, shownRef, shownStatus]);

  if (!ref) return <aside className="detail muted">Select a key to see its details.</aside>;
  if (!detail) return <aside className="detail">{keyDetail.error ?? 'Loading…'}</aside>;
  const k = detail.key;
  const v = k.lastVerification;
  const pending = k.pendingFor !== null || k.status === 'pending';

  return (
    <aside className="detail" aria-label="Key detail">
      <h2>
        {k.name} <EnvBadge env={k.env} />
      </h2>
      <p className="mono">{k.maskedKey}</p>
      <KeyStanding keyView={k} provider={provider} />
      <dl className="facts">
        <dt>Reference</dt>
        <dd>
          <CopyReference keyRef={k.ref} copyable={k.status === 'active' && !pending} />
        </dd>
        <dt>Status</dt>
        <dd className={`status status-${k.rejected && k.status === 'active' ? 'rejected' : k.status}`} data-testid="key-status">
          {pending ? 'pending (rotation)' : k.rejected && k.status === 'active' ? 'rejected' : k.status}
        </dd>
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
        {/* A pending key belongs to its rotation: it goes when the rotation is abandoned, not on its own. */}
        {!pending && (
          <>
            <button type="button" onClick={() => open({ kind: 'rename-key', ref: k.ref })}>
              <Pencil size={16} aria-hidden /> Rename…
            </button>
            <button type="button" onClick={() => open({ kind: 'remove-key', ref: k.ref })}>
              <Trash2 size={16} aria-hidden /> Remove…
            </button>
          </>
        )}
      </div>
      {/* Where a scan found it written out: a leak to clean up, said before the calm sections. */}
      <ScanSites sites={detail.scanSites} revoked={k.status === 'revoked'} />
      <RotationInProgressSection progress={progress} />
      {REVEALABLE.has(k.status) ? <RevealCopy keyRef={k.ref} /> : null}
      <Targets keyRef={k.ref} targets={detail.targets} onChanged={keyDetail.load} />
      <ReferenceSites sites={detail.referenceSites} />
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
