import type { TeamLeakMatch, TeamStatus, TeamSyncOutcome, TeamWaiting, UsageSite } from '../../../../electron/contract/views.js';
import { appProblemText } from '../../problems/wordings.js';

/**
 * How the app words the team inventory (the status, what waits, a sync, a holder's key). Pure:
 * the title bar, Settings → Team, the Team audit, the emergency panel and their tests share it.
 * Never a command-line flag: the way to connect is Settings → Team.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How many changes wait to be delivered, counted as the title bar shows them. */
export function waitingCount(w: TeamWaiting): number {
  return w.keys + w.auditEntries;
}

/** `3 key changes and 1 audit entry wait`, or that nothing waits. */
export function waitingText(w: TeamWaiting): string {
  if (waitingCount(w) === 0) return 'Nothing waits: the team has every change of this vault.';
  const parts = [...(w.keys > 0 ? [plural(w.keys, 'key change', 'key changes')] : []), ...(w.auditEntries > 0 ? [plural(w.auditEntries, 'audit log entry', 'audit log entries')] : [])];
  return `${parts.join(' and ')} wait${waitingCount(w) === 1 ? 's' : ''} to be delivered.`;
}

/** The title bar's badge: `Team offline · 3 waiting`. */
export function offlineBadgeText(status: TeamStatus): string {
  const n = waitingCount(status.waiting);
  return n > 0 ? `Team offline · ${n} waiting` : 'Team offline';
}

/** The badge's longer name (its tooltip and what a screen reader says): its visible words first, then what they mean. */
export function offlineBadgeLabel(status: TeamStatus): string {
  return `${offlineBadgeText(status)}: the team database${status.database ? ` at ${status.database}` : ''} does not answer. ${waitingText(status.waiting)} Open Settings, Team.`;
}

/** Whether the database answers, in words (with why not). */
export function reachableText(status: TeamStatus): string {
  if (status.reachable === true) return 'Yes, it answers';
  if (status.reachable === false) return status.problem ? `No: ${appProblemText(status.problem)}` : 'No, it does not answer';
  return status.problem ? `Not asked just now. The last sync: ${appProblemText(status.problem)}` : 'Not asked just now';
}

/** When the vault last delivered to the team. */
export function lastSyncText(lastSyncAt: string | null): string {
  return lastSyncAt ? new Date(lastSyncAt).toLocaleString() : 'Never: the first sync has not happened yet';
}

/** What Sync now did. */
export function syncOutcomeText(outcome: TeamSyncOutcome): string {
  const delivered = outcome.delivered.keys + outcome.delivered.auditEntries === 0 ? 'Nothing new to deliver' : `Delivered ${plural(outcome.delivered.keys, 'key change', 'key changes')} and ${plural(outcome.delivered.auditEntries, 'audit log entry', 'audit log entries')}`;
  if (outcome.problem) return `${delivered}. ${appProblemText(outcome.problem)}`;
  return `${delivered}. ${waitingText(outcome.waiting)}`;
}

/** Where a holder uses its key, as the team inventory says it. */
export function usageSiteText(site: UsageSite): string {
  if (site.kind === 'target') return `Swapped into ${site.where}`;
  if (site.kind === 'reference') return `Named by reference in ${site.where}`;
  return `Found in plain text in ${site.where}`;
}

/** The Team audit when this vault is not joined to a team: how to join, in the app's words. */
export const NOT_CONNECTED_TEXT = 'This vault is not joined to a team. To see every member’s keys, connect it in Settings → Team with the URL your team administrator gave you.';

/** The emergency panel's team match, headed by whose key it is and where. */
export function teamMatchHeading(m: Pick<TeamLeakMatch, 'member' | 'machine' | 'mine'>): string {
  return m.mine ? 'This vault’s key, as the team holds it' : `${m.member}’s key, on ${m.machine}`;
}

/** What to do about a leaked key the team holds: its holder revokes it (only their vault holds it, and can prove it dead). */
export function teamMatchAdvice(m: Pick<TeamLeakMatch, 'member' | 'ref' | 'mine' | 'status'>): string {
  if (m.status === 'revoked') return 'It is revoked already, as of its holder’s last sync.';
  if (m.mine) return 'The team lists it as this vault’s, but this vault no longer holds it: revoke it where it was issued.';
  return `${m.member} must revoke it: only their vault holds this key and can prove the provider rejects it. Tell them now, naming ${m.ref}; Emergency revoke on their machine does the rest.`;
}
