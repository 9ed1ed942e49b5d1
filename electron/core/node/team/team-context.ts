import { hostname } from 'node:os';
import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import type { Problem } from '../../domain/problems/catalogue.js';
import type { TeamDatabase } from '../../ports/team-database.js';
import { TEAM_PASSWORD_ACCOUNT, type TeamConnection } from '../../team/team-connection.js';
import { openPgTeamDatabase } from './pg/pg-team-database.js';
import type { TeamDeps } from './open-team.js';

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

export function machineOf(deps: TeamDeps): string {
  return deps.machine ?? hostname();
}

/** Opens the team database as `url` says, with `password` (never logged, never kept anywhere but the keychain). */
export function openDatabase(deps: TeamDeps, url: string, password: string): Promise<TeamDatabase> {
  const connect = deps.connectDatabase ?? openPgTeamDatabase;
  return connect({ url, password, connectTimeoutMs: deps.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS });
}

/** The member's connection, its password read from the keychain (team.password-missing when it is gone). */
export async function openMemberDatabase(deps: TeamDeps, connection: TeamConnection): Promise<TeamDatabase> {
  const password = await deps.secrets.get(deps.keychainService, TEAM_PASSWORD_ACCOUNT);
  if (password === null) throw new ProblemError(problem('team.password-missing', {}));
  return openDatabase(deps, connection.url, password);
}

/** A failure as the problem to report: a typed one as it is, anything else as the database's first line. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error);
  return problem('team.database-failed', { reason: reason.slice(0, 300) || 'failed' });
}

/** Closes a database, ignoring a failure (the connection is being dropped anyway). */
export async function closeQuietly(db: TeamDatabase | null): Promise<void> {
  await db?.close().catch(() => undefined);
}
