import type { TeamStatus, TeamSyncOutcome } from '../../core/team/team-connection.js';
import { cliProblemText } from '../problems/wordings.js';
import { waitingCount, waitingDetail, waitingWords } from './team-format.js';

/** What a sync delivered, and what still waits. */
export function outcomeText(outcome: TeamSyncOutcome): string {
  const { keys, auditEntries } = outcome.delivered;
  const delivered = keys + auditEntries === 0 ? 'nothing new to deliver' : `delivered ${waitingDetail({ keys, auditEntries })}`;
  const waiting = waitingCount(outcome.waiting);
  return `team: ${delivered}${waiting === 0 ? '; nothing waits' : `; ${waitingWords(waiting)}${outcome.problem ? `: ${cliProblemText(outcome.problem)}` : ''}`}\n`;
}

/** `team status --json`: the status, with its problem worded for people beside its code. */
export function statusJson(status: TeamStatus): TeamStatus & { problemText: string | null } {
  return { ...status, problemText: status.problem ? cliProblemText(status.problem) : null };
}

/** The invitation: the member's URL, with its password, printed this once (nothing keeps it). */
export function invitationText(invited: { member: string; role: string; url: string; lead: boolean }, team: string | null): string {
  return [
    `invited "${invited.member}"${team ? ` to team "${team}"` : ''} as ${invited.lead ? 'a lead' : 'a member'} (database role ${invited.role})`,
    `the connection URL of ${invited.member}, with its password: shown this once and kept nowhere, so give it to ${invited.member} over a safe channel now:`,
    '',
    `  ${invited.url}`,
    '',
    `${invited.member} joins with: keyturn team connect 'THE-URL' --team ${team ?? 'TEAM'}`,
    '',
  ].join('\n');
}
