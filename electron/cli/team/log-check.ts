import type { LogVerification } from '../../core/audit/audit-entry.js';
import { isProblem } from '../../core/domain/problems/problem-error.js';
import type { TeamLogCheck, TeamService } from '../../core/team/team-service.js';
import { cliProblemText } from '../problems/wordings.js';

/** The team's check of this vault's log, a database that does not answer being a note (its problem worded), never a failure. */
export async function checkAgainstTeam(team: TeamService): Promise<TeamLogCheck & { note?: string }> {
  try {
    return await team.verifyLog();
  } catch (error) {
    if (!isProblem(error)) throw error;
    return { state: 'unreachable', teamEntries: 0, problems: [], note: cliProblemText(error.problem) };
  }
}

/**
 * `log verify` with the team's copy: where the local log departs from it is a problem (the lines
 * named), so an edited or cut-short log fails even when its own chain and the keychain agree.
 */
export function withTeamCheck(local: LogVerification, team: TeamLogCheck & { note?: string }): LogVerification & { team: TeamLogCheck } {
  const { note, ...check } = team;
  const notes = [...local.notes];
  if (check.state === 'matched') notes.push(`the team's copy matches: it holds ${check.teamEntries} entries of this log`);
  if (check.state === 'unreachable') notes.push(`the team's copy could not be checked${note ? `: ${note}` : ': the team database did not answer'}`);
  const departures = check.problems.length > 0 ? check.problems : [{ line: null, problem: `it departs from the team's copy (${check.teamEntries} entries)` }];
  const problems = check.state === 'diverged' ? [...local.problems, ...departures] : local.problems;
  return { ...local, ok: local.ok && check.state !== 'diverged', problems, notes, team: check };
}
