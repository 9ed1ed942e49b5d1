import { useEffect, useMemo, useState } from 'react';
import type { AuditRow, AuditSummary, LogVerification, PolicyState } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';
import { download } from './download.js';
import { sortRows, type Sort } from './sort-rows.js';

export type AuditEnv = 'all' | 'sandbox' | 'production';
export type AuditState = 'all' | PolicyState;
export type AuditFormat = 'csv' | 'json' | 'ics';

/** The audit report as the view filters and sorts it, its exports, and the check of the audit log. */
export function useAudit() {
  const overview = useApp((s) => s.overview);
  const toast = useApp((s) => s.toast);
  const [env, setEnv] = useState<AuditEnv>('all');
  const [state, setState] = useState<AuditState>('all');
  const [sort, setSort] = useState<Sort>({ key: 'policyState', descending: false });
  const [report, setReport] = useState<{ rows: AuditRow[]; summary: AuditSummary } | null>(null);
  const [log, setLog] = useState<LogVerification | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const filter = useMemo(() => ({ ...(env === 'all' ? {} : { env }), ...(state === 'all' ? {} : { state }) }), [env, state]);

  // Read again whenever the vault changes (its overview is reloaded on every change).
  useEffect(() => {
    hostApi()
      .auditReport(filter)
      .then(setReport, (e: unknown) => setFailure(failureOf(e)));
  }, [filter, overview]);
  const rows = useMemo(() => sortRows(report?.rows ?? [], sort), [report, sort]);

  async function exportAs(format: AuditFormat) {
    try {
      download(await hostApi().auditExport({ format, ...filter }));
      toast(`Exported ${rows.length} keys as ${format.toUpperCase()}`, 'success');
    } catch (e) {
      setFailure(failureOf(e));
    }
  }

  async function checkLog() {
    try {
      const result = await hostApi().logVerify({});
      setLog(result);
      if (result.ok) toast(`The audit log is intact: ${result.entries} entries`, 'success');
      else toast(`The audit log has been tampered with: ${result.problems.length} problem(s)`, 'error');
    } catch (e) {
      setFailure(failureOf(e));
    }
  }

  return {
    env,
    setEnv,
    state,
    setState,
    sort,
    /** A column header pressed: sorts by it, or turns its order round when it sorts already. */
    sortBy: (key: Sort['key']) => setSort((prev) => ({ key, descending: prev.key === key ? !prev.descending : false })),
    rows,
    summary: report?.summary ?? null,
    log,
    failure,
    exportAs,
    checkLog,
  };
}
