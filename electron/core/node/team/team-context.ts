import { hostname } from 'node:os';
import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import type { Problem } from '../../domain/problems/catalogue.js';
import type { TeamDatabase } from '../../ports/team-database.js';
import { TEAM_PASSWORD_ACCOUNT, type TeamConnection } from '../../team/team-connection.js';
import { openPgTeamDatabase } from './pg/pg-team-database.js';
import type { TeamDeps } from './team-deps.js';

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

export function machineOf(deps: TeamDeps): string {
  return deps.machine ?? hostname();
}

/** Opens the team database as `url` says, with `password` (never logged, never kept anywhere but the keychain). */
export function openDatabase(deps: TeamDeps, url: string, password: string): Promise<TeamDatabase> {
  const connect = deps.connectDatabase ?? openPgTeamDatabase;
  return connect({ url, password, connectTimeoutMs: deps.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS });
}

/** A fresh connection as the member, its password read from the keychain (team.password-missing when it is gone). */
export async function openFreshMemberDatabase(deps: TeamDeps, connection: TeamConnection): Promise<TeamDatabase> {
  const password = await deps.secrets.get(deps.keychainService, TEAM_PASSWORD_ACCOUNT);
  if (password === null) throw new ProblemError(problem('team.password-missing', {}));
  return openDatabase(deps, connection.url, password);
}

/**
 * The member's connection of one team service, kept open between its calls: a long-lived host (the
 * desktop app) syncs after every change, and opening costs a keychain read, a TCP connection and a
 * SCRAM exchange each time (about half of a one-key sync). It is dropped on any failure, so the next
 * call opens a new one (a restarted server, a dropped link), and when the vault joins again (the
 * connection's time differs). The adapter queues calls on its one client, so sharing it is safe.
 */
const keptConnections = new WeakMap<TeamDeps, { key: string; db: Promise<{ shared: TeamDatabase; own: TeamDatabase }> }>();

export async function openMemberDatabase(deps: TeamDeps, connection: TeamConnection): Promise<TeamDatabase> {
  const key = `${connection.url}\n${connection.connectedAt}`;
  const held = keptConnections.get(deps);
  if (held?.key === key) return (await held.db).shared;
  if (held) dropKept(deps, held.db);
  const opening = openFreshMemberDatabase(deps, connection).then((own) => ({ own, shared: sharedConnection(own, () => dropKept(deps, opening)) }));
  keptConnections.set(deps, { key, db: opening });
  opening.catch(() => dropKept(deps, opening));
  return (await opening).shared;
}

/** Forgets the kept connection (if it is still `which`) and closes it: the next call opens a new one. */
function dropKept(deps: TeamDeps, which: Promise<{ own: TeamDatabase }>): void {
  const held = keptConnections.get(deps);
  if (held?.db === which) keptConnections.delete(deps);
  void which.then(({ own }) => own.close()).catch(() => undefined);
}

/** Closes the kept connection of this team service (its close()). */
export async function closeKeptConnection(deps: TeamDeps): Promise<void> {
  const held = keptConnections.get(deps);
  if (!held) return;
  keptConnections.delete(deps);
  await held.db.then(({ own }) => own.close()).catch(() => undefined);
}

/** The kept connection as its users see it: close() leaves it open for the next call; a failure drops it. */
function sharedConnection(db: TeamDatabase, drop: () => void): TeamDatabase {
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        drop();
        throw error;
      }
    };
  return {
    identity: guarded(() => db.identity()),
    deliver: guarded((delivery) => db.deliver(delivery)),
    auditHead: guarded((vaultId) => db.auditHead(vaultId)),
    auditHashes: guarded((vaultId) => db.auditHashes(vaultId)),
    inventory: (filter) =>
      (async function* () {
        try {
          yield* db.inventory(filter);
        } catch (error) {
          drop();
          throw error;
        }
      })(),
    findByFingerprint: guarded((fingerprint) => db.findByFingerprint(fingerprint)),
    vaults: guarded(() => db.vaults()),
    leave: guarded((vaultId) => db.leave(vaultId)),
    policy: guarded(() => db.policy()),
    setPolicy: guarded((policy) => db.setPolicy(policy)),
    close: async () => undefined,
  };
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
