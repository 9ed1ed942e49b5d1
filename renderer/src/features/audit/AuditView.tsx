import { useVirtualizer } from '@tanstack/react-virtual';
import { CalendarPlus, Download, ShieldCheck } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AuditRow, AuditSummary, LogVerification, PolicyState } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { errorText, shortDate } from '../../ui/format.js';
import { POLICY_STATE_OPTIONS, PolicyBadge } from '../../ui/PolicyBadge.js';
import { download } from './download.js';
import { sortRows, type Sort, type SortKey } from './sort-rows.js';

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

/** The security lead's view: every key's age, expiry, policy state, verification and rotation; sortable, filterable, exportable. */
export function AuditView() {
  const overview = useApp((s) => s.overview);
  const announce = useApp((s) => s.announce);
  const open = useApp((s) => s.open);
  const [env, setEnv] = useState<'all' | 'sandbox' | 'production'>('all');
  const [state, setState] = useState<'all' | PolicyState>('all');
  const [sort, setSort] = useState<Sort>({ key: 'policyState', descending: false });
  const [report, setReport] = useState<{ rows: AuditRow[]; summary: AuditSummary } | null>(null);
  const [log, setLog] = useState<LogVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filter = useMemo(() => ({ ...(env === 'all' ? {} : { env }), ...(state === 'all' ? {} : { state }) }), [env, state]);

  useEffect(() => {
    api.auditReport(filter).then(setReport, (e: unknown) => setError(errorText(e)));
  }, [filter, overview]);
  const rows = useMemo(() => sortRows(report?.rows ?? [], sort), [report, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  async function exportAs(format: 'csv' | 'json' | 'ics') {
    try {
      download(await api.auditExport({ format, ...filter }));
      announce(`Exported ${rows.length} keys as ${format.toUpperCase()}`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function checkLog() {
    try {
      const result = await api.logVerify({});
      setLog(result);
      announce(result.ok ? `The audit log is intact: ${result.entries} entries` : `The audit log has been tampered with: ${result.problems.length} problem(s)`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const s = report?.summary;
  return (
    <section className="audit" aria-label="Audit">
      <div className="filters">
        <p className="summary" data-testid="audit-summary">
          {s ? `${s.keys} ${s.keys === 1 ? 'key' : 'keys'}: ${s.overdue} overdue, ${s.expired} expired, ${s.dueIn7Days} due in 7 days, ${s.unverified30Days} unverified for 30 days` : 'Loading…'}
        </p>
        <select aria-label="Audit environment" value={env} onChange={(e) => setEnv(e.target.value as typeof env)}>
          <option value="all">All environments</option>
          <option value="production">Production</option>
          <option value="sandbox">Sandbox</option>
        </select>
        <select aria-label="Policy state" value={state} onChange={(e) => setState(e.target.value as typeof state)}>
          <option value="all">All states</option>
          {POLICY_STATE_OPTIONS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void exportAs('csv')}>
          <Download size={14} aria-hidden /> CSV
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          <Download size={14} aria-hidden /> JSON
        </button>
        <button type="button" onClick={() => void exportAs('ics')}>
          <CalendarPlus size={14} aria-hidden /> Calendar (.ics)
        </button>
        <button type="button" onClick={() => void checkLog()}>
          <ShieldCheck size={14} aria-hidden /> Check the audit log
        </button>
        <button type="button" onClick={() => open({ kind: 'settings' })}>
          Policy…
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {log && (
        <div role="status" className={log.ok ? 'log-ok' : 'error'} data-testid="log-verification">
          {log.ok ? `The audit log is intact: ${log.entries} entries, each following the one before, the newest matching the keychain.` : `The audit log has been tampered with:`}
          <ul>
            {log.problems.map((p) => (
              <li key={`${p.line ?? 'file'}-${p.problem}`}>{p.line === null ? `The log: ${p.problem}` : `Line ${p.line}: ${p.problem}`}</li>
            ))}
            {log.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      <div role="table" aria-label="Audit" aria-rowcount={rows.length} className="table audit-table">
        <div role="row" className="row head audit-row">
          {COLUMNS.map((c) => (
            <span role="columnheader" key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" className="sort" onClick={() => setSort((prev) => ({ key: c.key, descending: prev.key === c.key ? !prev.descending : false }))}>
                {c.label}
                {sort.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
              </button>
            </span>
          ))}
        </div>
        <div ref={scroller} className="table-body" data-testid="audit-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index];
              if (!r) return null;
              return (
                <div role="row" key={r.id} aria-rowindex={item.index + 1} className={`row audit-row row-${r.env}`} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                  <span role="cell" className="ref">{r.ref}</span>
                  <span role="cell"><EnvBadge env={r.env} /></span>
                  <span role="cell">{r.ageDays} d</span>
                  <span role="cell"><PolicyBadge state={r.policyState} /></span>
                  <span role="cell" title={r.dueBy ?? undefined}>{r.dueOn ? `${shortDate(r.dueOn)} (${r.dueBy === 'provider expiry' ? 'expiry' : 'max age'})` : '—'}</span>
                  <span role="cell">{r.lastVerification ? `${r.lastVerification} ${shortDate(r.lastVerifiedAt)}` : 'never'}</span>
                  <span role="cell">{r.lastRotationAt ? `${r.lastRotation} ${shortDate(r.lastRotationAt)}` : '—'}</span>
                  <span role="cell">{r.targets}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
