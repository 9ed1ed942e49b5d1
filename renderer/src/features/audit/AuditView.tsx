import { useVirtualizer } from '@tanstack/react-virtual';
import { CalendarPlus, Download, ShieldCheck } from 'lucide-react';
import { useRef, useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { shortDate } from '../../ui/format.js';
import { POLICY_STATE_OPTIONS, PolicyBadge } from '../../ui/PolicyBadge.js';
import { LogVerificationNote } from './LogVerificationNote.js';
import { auditSummaryText } from './summary-text.js';
import type { SortKey } from './sort-rows.js';
import { useAudit, type AuditEnv, type AuditState } from './useAudit.js';
import { TeamAudit } from './TeamAudit.js';
import '../team/team.css';
import { scopeOf, type AuditScope } from './audit-scope.js';
import { SortableHeader } from './SortableHeader.js';

const ROW_HEIGHT = 34;
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'ref', label: 'Key' },
  { key: 'env', label: 'Environment' },
  { key: 'ageDays', label: 'Age' },
  { key: 'policyState', label: 'Policy' },
  { key: 'dueOn', label: 'Due' },
  { key: 'lastVerifiedAt', label: 'Last verified' },
  { key: 'lastRotationAt', label: 'Last rotation' },
  { key: 'targets', label: 'Targets' },
];

/** The security lead's view: this vault's keys, or the team's (a switch at the top). */
export function AuditView() {
  const [scope, setScope] = useState<AuditScope>('mine');
  return (
    <section className="audit" aria-label="Audit">
      <div className="audit-scope">
        <AuditScopeSwitch scope={scope} onChange={setScope} />
      </div>
      {scope === 'mine' ? <VaultAudit /> : <TeamAudit />}
    </section>
  );
}

/** A segmented control of two: My vault, Team (arrow keys move between them, as in any radio group). */
export function AuditScopeSwitch({ scope, onChange }: { scope: AuditScope; onChange: (scope: AuditScope) => void }) {
  return (
    <ToggleButtonGroup
      aria-label="Whose keys"
      className="switch"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[scope]}
      onSelectionChange={(keys) => onChange(scopeOf(keys))}
    >
      <ToggleButton id="mine" className="switch-option">
        My vault
      </ToggleButton>
      <ToggleButton id="team" className="switch-option">
        Team
      </ToggleButton>
    </ToggleButtonGroup>
  );
}

/** This vault's keys: every key's age, expiry, policy state, verification and rotation; sortable, filterable, exportable. */
function VaultAudit() {
  const open = useApp((s) => s.open);
  const audit = useAudit();
  const { rows, sort, log } = audit;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const s = audit.summary;
  // A pending key names the key it is to replace by id: shown by that key's reference.
  const refById = new Map(rows.map((r) => [r.id, r.ref]));
  return (
    <>
      <div className="filters">
        <p className="summary" data-testid="audit-summary">
          {s ? auditSummaryText(s) : 'Loading…'}
        </p>
        <select aria-label="Audit environment" value={audit.env} onChange={(e) => audit.setEnv(e.target.value as AuditEnv)}>
          <option value="all">All environments</option>
          <option value="production">Production</option>
          <option value="sandbox">Sandbox</option>
        </select>
        <select aria-label="Policy state" value={audit.state} onChange={(e) => audit.setState(e.target.value as AuditState)}>
          <option value="all">All states</option>
          {POLICY_STATE_OPTIONS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void audit.exportAs('csv')}>
          <Download size={14} aria-hidden /> CSV
        </button>
        <button type="button" onClick={() => void audit.exportAs('json')}>
          <Download size={14} aria-hidden /> JSON
        </button>
        <button type="button" onClick={() => void audit.exportAs('ics')}>
          <CalendarPlus size={14} aria-hidden /> Calendar (.ics)
        </button>
        <button type="button" onClick={() => void audit.checkLog()}>
          <ShieldCheck size={14} aria-hidden /> Check the audit log
        </button>
        <button type="button" onClick={() => open({ kind: 'settings' })}>
          Policy…
        </button>
      </div>
      {audit.failure && (
        <p role="alert" className="error">
          {audit.failure.text}
        </p>
      )}
      {log && <LogVerificationNote log={log} />}
      <div role="table" aria-label="Audit" aria-rowcount={rows.length} className="table audit-table">
        <SortableHeader columns={COLUMNS} sort={sort} onSort={(key) => audit.sortBy(key)} className="audit-row" />
        <div ref={scroller} className="table-body" data-testid="audit-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index];
              if (!r) return null;
              return (
                <div role="row" key={r.id} aria-rowindex={item.index + 1} className={`row audit-row row-${r.env}`} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                  <span role="cell" className="ref" title={r.ref}>
                    {r.ref}
                    {r.pendingFor !== null && (
                      <span className="audit-pending" data-testid="audit-pending">
                        pending key, replaces {refById.get(r.pendingFor) ?? 'a key not shown'}
                      </span>
                    )}
                  </span>
                  <span role="cell"><EnvBadge env={r.env} /></span>
                  <span role="cell">{r.ageDays} d</span>
                  <span role="cell"><PolicyBadge state={r.policyState} /></span>
                  <span role="cell" title={r.dueBy ?? undefined}>{r.dueOn ? `${shortDate(r.dueOn)} (${r.dueBy === 'provider expiry' ? 'expiry' : 'max age'})` : '—'}</span>
                  <span role="cell">
                    {r.rejected && (
                      <span className="audit-rejected" data-testid="audit-row-rejected">
                        rejected
                      </span>
                    )}{' '}
                    {r.lastVerification ? `${r.lastVerification} ${shortDate(r.lastVerifiedAt)}` : 'never'}
                  </span>
                  <span role="cell">{r.lastRotationAt ? `${r.lastRotation} ${shortDate(r.lastRotationAt)}` : '—'}</span>
                  <span role="cell">{r.targets}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}
