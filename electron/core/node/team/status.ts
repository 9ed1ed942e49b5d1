import type { Problem } from '../../domain/problems/catalogue.js';
import type { TeamStatus } from '../../team/team-connection.js';
import { parseTeamUrl } from './pg/connection-url.js';
import type { TeamDeps } from './open-team.js';
import { checkIdentity } from './sync.js';
import { closeQuietly, openMemberDatabase, problemOf } from './team-context.js';
import { readConnection, readSyncState } from './team-files.js';
import { waitingOf } from './waiting.js';

const NOT_CONNECTED: TeamStatus = { connected: false, team: null, member: null, machine: null, lead: false, database: null, reachable: null, problem: null, lastSyncAt: null, waiting: { keys: 0, auditEntries: 0 } };

/** Where the database is, for people (never the role or a password). */
export function databaseOf(url: string): string {
  try {
    return parseTeamUrl(url).display;
  } catch {
    return 'the team database';
  }
}

/**
 * `team status`: from the vault home alone (the last sync's problem, what waits) unless `probe`,
 * which also asks the database, within the connect timeout, whether it answers as this member.
 */
export async function teamStatus(deps: TeamDeps, probe: boolean): Promise<TeamStatus> {
  const connection = readConnection(deps.home);
  if (!connection) return NOT_CONNECTED;
  const state = readSyncState(deps.home);
  let reachable: boolean | null = null;
  let problem: Problem | null = state.lastProblem;
  if (probe) {
    const db = await openMemberDatabase(deps, connection).catch((error: unknown) => problemOf(error));
    if ('code' in db) {
      problem = db;
      reachable = db.code !== 'team.unreachable' && db.code !== 'team.password-missing' ? true : false;
      if (db.code === 'team.password-missing') reachable = null;
    } else {
      try {
        await checkIdentity(db, connection);
        reachable = true;
        problem = state.lastProblem?.code === 'team.log-diverged' || state.lastProblem?.code === 'team.log-shorter' ? state.lastProblem : null;
      } catch (error) {
        problem = problemOf(error);
        reachable = problem.code !== 'team.unreachable';
      } finally {
        await closeQuietly(db);
      }
    }
  }
  return {
    connected: true,
    team: connection.team,
    member: connection.member,
    machine: connection.machine,
    lead: connection.lead,
    database: databaseOf(connection.url),
    reachable,
    problem,
    lastSyncAt: state.lastSyncAt,
    waiting: waitingOf(deps.home, deps.metadata.read(), state),
  };
}
