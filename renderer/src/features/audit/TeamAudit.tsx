import { useVirtualizer } from '@tanstack/react-virtual';
import { RefreshCw, Settings } from 'lucide-react';
import { useRef } from 'react';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { shortDate } from '../../ui/format.js';
import { POLICY_STATE_OPTIONS, PolicyBadge } from '../../ui/PolicyBadge.js';
import { NOT_CONNECTED_TEXT, usageSiteText } from '../team/team-text.js';
import { auditSummaryText } from './summary-text.js';
import { teamRowId, type TeamSortKey } from './team-sort.js';
import { useTeamAudit, type TeamEnv, type TeamState } from './useTeamAudit.js';
import '../team/team.css';
import { SortableHeader } from './SortableHeader.js';

const ROW_HEIGHT = 34;
const COLUMNS: { key: TeamSortKey; label: string }[] = [
  { key: 'member', label: 'Member' },
  { key: 'machine', label: 'Machine' },
  { key: 'ref', label: 'Key' },
  { key: 'env', label: 'Environment' },
  { key: 'ageDays', label: 'Age' },
  { key: 'policyState', label: 'Policy' },
  { key: 'dueOn', label: 'Due' },
  { key: 'lastVerifiedAt', label: 'Last verified' },
  { key: 'usageSites', label: 'Used in' },
];

/** The Audit view's Team side: every member's keys (metadata only), with who holds each and on which machine. */
export function TeamAudit() {
  const audit = useTeamAudit();
  const open = useApp((s) => s.open);
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, sort } = audit;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  if (!audit.status) return <p className="team-not-connected">Loading…</p>;
  if (!audit.connected) {
    return (
      <div className="team-not-connected" data-testid="team-audit-not-connected">
        <p>{NOT_CONNECTED_TEXT}</p>
        <button type="button" className="primary" onClick={() => open({ kind: 'settings', section: 'team' })}>
          <Settings size={14} aria-hidden /> Open Settings → Team
        </button>
      </div>
    );
  }
  const s = audit.summary;
  return (
    <>
      <div className="filters">
        <p className="summary" data-testid="team-audit-summary">
          {s ? `Team ${audit.status.team ?? ''}, ${audit.vaults.length} vault${audit.vaults.length === 1 ? '' : 's'} — ${auditSummaryText(s)}` : 'Loading…'}
        </p>
        <select aria-label="Team member" value={audit.member} onChange={(e) => audit.setMember(e.target.value)}>
          <option value="all">All members</option>
          {audit.members.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <select aria-label="Team audit environment" value={audit.env} onChange={(e) => audit.setEnv(e.target.value as TeamEnv)}>
          <option value="all">All environments</option>
          <option value="production">Production</option>
          <option value="sandbox">Sandbox</option>
        </select>
        <select aria-label="Team audit policy state" value={audit.state} onChange={(e) => audit.setState(e.target.value as TeamState)}>
          <option value="all">All states</option>
          {POLICY_STATE_OPTIONS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" onClick={audit.refresh}>
          <RefreshCw size={14} aria-hidden /> Refresh
        </button>
      </div>
      {audit.failure && (
        <p role="alert" className="warning" data-testid="team-audit-failure">
          {audit.failure.text}
        </p>
      )}
      <div role="table" aria-label="Team audit" aria-rowcount={rows.length} className="table audit-table team-audit-table">
        <SortableHeader columns={COLUMNS} sort={sort} onSort={(key) => audit.sortBy(key)} className="team-audit-row" />
        <div ref={scroller} className="table-body" data-testid="team-audit-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index];
              if (!r) return null;
              const sites = r.usageSites.map(usageSiteText).join('\n');
              return (
                <div role="row" key={teamRowId(r)} aria-rowindex={item.index + 1} className={`row team-audit-row row-${r.env}`} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                  <span role="cell" title={r.member}>{r.member}</span>
                  <span role="cell" title={r.machine}>{r.machine}</span>
                  <span role="cell" className="ref" title={`${r.ref} (${r.maskedKey})`}>
                    {r.ref}
                  </span>
                  <span role="cell"><EnvBadge env={r.env} /></span>
                  <span role="cell">{r.ageDays} d</span>
                  <span role="cell"><PolicyBadge state={r.policyState} /></span>
                  <span role="cell">{r.dueOn ? `${shortDate(r.dueOn)} (${r.dueBy === 'provider expiry' ? 'expiry' : 'max age'})` : '—'}</span>
                  <span role="cell">
                    {r.rejected && <span className="audit-rejected">rejected</span>} {r.lastVerification ? `${r.lastVerification} ${shortDate(r.lastVerifiedAt)}` : 'never'}
                  </span>
                  <span role="cell" title={sites || undefined}>{r.usageSites.length === 0 ? '—' : `${r.usageSites.length} place${r.usageSites.length === 1 ? '' : 's'}`}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}
