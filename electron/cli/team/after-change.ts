import type { Problem } from '../../core/domain/problems/catalogue.js';
import { problem as problemOf } from '../../core/domain/problems/problem-error.js';
import type { TeamService } from '../../core/team/team-service.js';
import type { CliIo } from '../io.js';
import { cliProblemText } from '../problems/wordings.js';
import { waitingCount, waitingWords } from './team-format.js';

/**
 * The longest a run's end waits for the team database: the connect timeout (3 s) and a moment to
 * deliver. Past it, what waits stays in the outbox for the next run or `keyturn team sync`.
 */
export const AFTER_CHANGE_BOUND_MS = 5_000;

/**
 * At the end of a run that changed a vault joined to a team: delivers what waits. It never changes
 * the command's exit code or its output: when the database does not take it, one line on stderr
 * says how much waits and why.
 */
export async function deliverAfterChange(team: TeamService, io: CliIo, boundMs = AFTER_CHANGE_BOUND_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'out of time'>((resolve) => {
    timer = setTimeout(() => resolve('out of time'), boundMs);
  });
  let problem: Problem | null;
  let waiting: number;
  try {
    const outcome = await Promise.race([team.sync(), outOfTime]);
    if (outcome === 'out of time') {
      const status = await team.status({ probe: false });
      problem = problemOf('team.unreachable', { database: status.database ?? 'the team database', reason: `no answer within ${boundMs / 1000} s` });
      waiting = waitingCount(status.waiting);
    } else {
      problem = outcome.problem;
      waiting = waitingCount(outcome.waiting);
    }
  } finally {
    clearTimeout(timer);
  }
  if (problem) io.err(`team: ${waitingWords(waiting)}: ${cliProblemText(problem)}\n`);
}
