import { InvalidArgumentError } from 'commander';
import type { AuditSummary } from '../../core/audit/audit-report.js';
import { POLICY_STATES, type PolicyState } from '../../core/policy/key-policy.js';
import type { TeamAuditRow } from '../../core/team/team-audit.js';
import type { TeamStatus, TeamWaiting } from '../../core/team/team-connection.js';
import type { UsageSite } from '../../core/team/team-key-row.js';
import { cliProblemText } from '../problems/wordings.js';

/** How many changes wait: key changes and audit entries alike (each is a row to deliver). */
export function waitingCount(waiting: TeamWaiting): number {
  return waiting.keys + waiting.auditEntries;
}

export function waitingWords(count: number): string {
  return count === 1 ? '1 change waits' : `${count} changes wait`;
}

/** What waits, in detail: "3 key changes and 5 audit entries", or "nothing". */
export function waitingDetail(waiting: TeamWaiting): string {
  if (waitingCount(waiting) === 0) return 'nothing';
  const parts = [];
  if (waiting.keys > 0) parts.push(waiting.keys === 1 ? '1 key change' : `${waiting.keys} key changes`);
  if (waiting.auditEntries > 0) parts.push(waiting.auditEntries === 1 ? '1 audit entry' : `${waiting.auditEntries} audit entries`);
  return parts.join(' and ');
}

/** `team status` for people: one line per fact, aligned. */
export function statusText(status: TeamStatus): string {
  if (!status.connected) return 'this vault is not joined to a team (run "keyturn team connect POSTGRES-URL --team NAME" to join one)\n';
  const reach = status.reachable === null ? 'not asked' : status.reachable ? 'reachable' : `unreachable: ${status.problem ? cliProblemText(status.problem) : 'no answer'}`;
  const lines: [string, string][] = [
    ['team', status.team ?? '-'],
    ['member', `${status.member ?? '-'}${status.lead ? ' (lead)' : ''}`],
    ['machine', status.machine ?? '-'],
    ['database', `${status.database ?? '-'} (${reach})`],
    ['last sync', status.lastSyncAt ?? 'never'],
    ['waiting', waitingDetail(status.waiting)],
  ];
  // A reachable database that refused something (a diverged log) still says why.
  if (status.reachable !== false && status.problem) lines.push(['problem', cliProblemText(status.problem)]);
  const width = Math.max(...lines.map(([label]) => label.length)) + 1;
  return lines.map(([label, value]) => `${`${label}:`.padEnd(width)} ${value}\n`).join('');
}

/** A usage site as one phrase: `target: .env NORA_KEY in /srv/app`, `reference: deploy.sh:12`, `found in plain text: notes.md:3`. */
export function siteText(site: UsageSite): string {
  return `${site.kind === 'found' ? 'found in plain text' : site.kind}: ${site.where}`;
}

/** A row's state as `keyturn audit` shows it: a rejected key says so first; a pending key is a rotation's. */
export function teamAuditState(r: TeamAuditRow): string {
  if (r.pendingFor !== null) return 'pending (rotation)';
  return r.rejected && r.status === 'active' ? `rejected, ${r.policyState}` : r.policyState;
}

export const TEAM_AUDIT_HEADER = ['MEMBER', 'MACHINE', 'KEY', 'ENV', 'AGE', 'STATE', 'DUE', 'BY', 'LAST VERIFIED', 'LAST ROTATION', 'TARGETS'] as const;

/** The columns of `keyturn audit`, after the member and the machine that hold the key. */
export function teamAuditCells(r: TeamAuditRow): string[] {
  return [
    r.member,
    r.machine,
    r.ref,
    r.env,
    `${r.ageDays}d`,
    teamAuditState(r),
    r.dueOn ?? '-',
    r.dueBy ?? '-',
    r.lastVerification ? `${r.lastVerification} ${r.lastVerifiedAt?.slice(0, 10) ?? ''}` : 'never',
    r.lastRotationAt?.slice(0, 10) ?? '-',
    String(r.usageSites.filter((s) => s.kind === 'target').length),
  ];
}

/** Two summaries of parts of the rows, as one of them all: every count is a count of rows. */
export function addSummaries(a: AuditSummary, b: AuditSummary): AuditSummary {
  return {
    keys: a.keys + b.keys,
    rejected: a.rejected + b.rejected,
    pending: a.pending + b.pending,
    overdue: a.overdue + b.overdue,
    expired: a.expired + b.expired,
    dueIn7Days: a.dueIn7Days + b.dueIn7Days,
    unverified30Days: a.unverified30Days + b.unverified30Days,
  };
}

export const EMPTY_SUMMARY: AuditSummary = { keys: 0, rejected: 0, pending: 0, overdue: 0, expired: 0, dueIn7Days: 0, unverified30Days: 0 };

/** The summary line of `keyturn audit`, over the whole team (its members and machines counted). */
export function teamSummaryLine(summary: AuditSummary, members: number, vaults: number): string {
  const pending = summary.pending > 0 ? ` (and ${summary.pending} pending in a rotation)` : '';
  const holders = `${members} ${members === 1 ? 'member' : 'members'}${vaults !== members ? ` on ${vaults} ${vaults === 1 ? 'machine' : 'machines'}` : ''}`;
  return `${summary.keys} ${summary.keys === 1 ? 'key' : 'keys'} of ${holders}${pending}: ${summary.overdue} overdue, ${summary.expired} expired, ${summary.dueIn7Days} due in 7 days, ${summary.unverified30Days} unverified for 30 days, ${summary.rejected} rejected\n`;
}

/** `--state`, as `keyturn audit` reads it. */
export function parseState(value: string): PolicyState {
  if (!(POLICY_STATES as readonly string[]).includes(value)) throw new InvalidArgumentError(`--state must be one of: ${POLICY_STATES.map((s) => `"${s}"`).join(', ')}`);
  return value as PolicyState;
}
