import { useEffect, useMemo, useState } from 'react';
import type { PolicyState, TeamAuditReport } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { sortTeamRows, type TeamSort } from './team-sort.js';

export type TeamMemberFilter = 'all' | string;
export type TeamEnv = 'all' | 'sandbox' | 'production';
export type TeamState = 'all' | PolicyState;

/**
 * The Audit view's Team side: every member's keys as the team database holds them, filtered by
 * member, environment and state (in the host), sorted here. Read again when the filter changes,
 * after each delivery of this vault (a newer last sync), and on Refresh.
 */
export function useTeamAudit() {
  const status = useApp((s) => s.teamStatus);
  const connected = status?.connected === true;
  const [member, setMember] = useState<TeamMemberFilter>('all');
  const [env, setEnv] = useState<TeamEnv>('all');
  const [state, setState] = useState<TeamState>('all');
  const [sort, setSort] = useState<TeamSort>({ key: 'policyState', descending: false });
  const [report, setReport] = useState<TeamAuditReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [asked, setAsked] = useState(0);
  const filter = useMemo(() => ({ ...(member === 'all' ? {} : { member }), ...(env === 'all' ? {} : { env }), ...(state === 'all' ? {} : { state }) }), [member, env, state]);
  const lastSyncAt = status?.lastSyncAt ?? null;

  useEffect(() => {
    if (!connected) return;
    let current = true;
    setFailure(null);
    hostApi()
      .teamAudit(filter)
      .then(
        (r) => current && setReport(r),
        (e: unknown) => current && setFailure(failureOf(e)),
      );
    return () => {
      current = false;
    };
  }, [connected, filter, lastSyncAt, asked]);

  const rows = useMemo(() => sortTeamRows(report?.rows ?? [], sort), [report, sort]);
  // Every member that has a vault in the team, whether or not the filter shows their keys now.
  const members = useMemo(() => [...new Set((report?.vaults ?? []).map((v) => v.member))].sort(), [report]);

  return {
    connected,
    status,
    member,
    setMember,
    env,
    setEnv,
    state,
    setState,
    members,
    sort,
    sortBy: (key: TeamSort['key']) => setSort((prev) => ({ key, descending: prev.key === key ? !prev.descending : false })),
    rows,
    summary: report?.summary ?? null,
    vaults: report?.vaults ?? [],
    failure,
    refresh: () => setAsked((n) => n + 1),
  };
}
