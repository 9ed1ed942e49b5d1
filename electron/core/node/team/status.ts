import type { Problem } from '../../domain/problems/catalogue.js';
import type { TeamDatabase } from '../../ports/team-database.js';
import type { TeamConnection, TeamStatus } from '../../team/team-connection.js';
import { parseTeamUrl } from './pg/connection-url.js';
import type { TeamDeps } from './team-deps.js';
import { checkIdentity } from './sync.js';
import { closeQuietly, openFreshMemberDatabase, problemOf } from './team-context.js';
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

/** Log problems outlive a probe: they are about this vault's log, not about the database answering. */
const LOG_PROBLEMS = new Set(['team.log-diverged', 'team.log-shorter']);

/**
 * Whether the database answers as this member, within the connect timeout. `reachable` is false
 * only when it did not answer; a refusal (a wrong password, a role gone) is an answer, with its problem.
 * Without the password in the keychain nothing was asked (null).
 */
async function probeDatabase(deps: TeamDeps, connection: TeamConnection, last: Problem | null): Promise<{ reachable: boolean | null; problem: Problem | null }> {
  let db: TeamDatabase | null = null;
  try {
    // A connection of its own, bounded by the connect timeout: a kept one to a host that vanished would wait for the query timeout.
    db = await openFreshMemberDatabase(deps, connection);
    await checkIdentity(db, connection);
    return { reachable: true, problem: last && LOG_PROBLEMS.has(last.code) ? last : null };
  } catch (error) {
    const problem = problemOf(error);
    return { reachable: problem.code === 'team.password-missing' ? null : problem.code !== 'team.unreachable', problem };
  } finally {
    await closeQuietly(db);
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
  if (probe) ({ reachable, problem } = await probeDatabase(deps, connection, state.lastProblem));
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
