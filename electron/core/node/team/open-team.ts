import type { TeamDatabase, TeamPolicy } from '../../ports/team-database.js';
import { fail } from '../../domain/problems/problem-error.js';
import { setTeamPolicyCeiling } from '../../policy/team-ceiling.js';
import { teamAuditRowAt, type TeamAuditFilter, type TeamAuditRow } from '../../team/team-audit.js';
import type { TeamConnection } from '../../team/team-connection.js';
import type { TeamLogCheck, TeamService } from '../../team/team-service.js';
import { initTeamHere, inviteHere } from './admin-connection.js';
import { leakMatchOf } from './leak-match.js';
import { localLogLines } from './local-log.js';
import { connectTeam, disconnectTeam } from './membership.js';
import { teamStatus } from './status.js';
import { checkIdentity, runSync } from './sync.js';
import { withSyncLock } from './sync-lock.js';
import { closeKeptConnection, closeQuietly, openMemberDatabase, problemOf } from './team-context.js';
import { cachedTeamPolicy, isJoined, readConnection, readSyncState, writeSyncState } from './team-files.js';
import { compareWithTeam } from './verify-against-team.js';
import type { TeamDeps } from './team-deps.js';

export type { TeamDeps } from './team-deps.js';


/** The member's connection, or team.not-connected. */
function joined(deps: TeamDeps): TeamConnection {
  return readConnection(deps.home) ?? fail('team.not-connected', {});
}

/** Runs `use` on this service's connection as the member (kept open between calls: see team-context.ts). */
async function withMember<T>(deps: TeamDeps, use: (db: TeamDatabase, connection: TeamConnection) => Promise<T>): Promise<T> {
  const connection = joined(deps);
  const db = await openMemberDatabase(deps, connection);
  try {
    return await use(db, connection);
  } finally {
    await closeQuietly(db);
  }
}

async function* auditRows(deps: TeamDeps, filter: TeamAuditFilter): AsyncIterable<TeamAuditRow[]> {
  const connection = joined(deps);
  const db = await openMemberDatabase(deps, connection);
  try {
    const now = deps.clock.now();
    const { state, ...inDatabase } = filter;
    for await (const batch of db.inventory(inDatabase)) {
      // The state is worked out again at now (time passed since each row was published), so it is filtered here.
      const rows = batch.map((stored) => teamAuditRowAt(stored, now)).filter((row) => !state || row.policyState === state);
      if (rows.length > 0) yield rows;
    }
  } finally {
    await closeQuietly(db);
  }
}

async function verifyAgainstTeam(deps: TeamDeps): Promise<TeamLogCheck> {
  if (!readConnection(deps.home)) return { state: 'not-connected', teamEntries: 0, problems: [] };
  try {
    const hashes = await withMember(deps, (db) => db.auditHashes(deps.vaultId));
    return compareWithTeam(localLogLines(deps.home), hashes);
  } catch (error) {
    const stopped = problemOf(error);
    if (stopped.code === 'team.unreachable' || stopped.code === 'team.password-missing' || stopped.code === 'team.auth-failed' || stopped.code === 'team.tls-failed') return { state: 'unreachable', teamEntries: 0, problems: [] };
    throw error;
  }
}

async function setTeamPolicy(deps: TeamDeps, policy: TeamPolicy | null): Promise<void> {
  await withMember(deps, async (db, connection) => {
    const identity = await db.identity();
    if (!identity.lead) fail('team.lead-only', { action: 'set the team policy' });
    await checkIdentity(db, connection);
    await db.setPolicy(policy);
  });
  // The new ceiling applies here at once, as the next sync would bring it.
  await withSyncLock(deps.home, async () => writeSyncState(deps.home, { ...readSyncState(deps.home), policy }));
  setTeamPolicyCeiling(deps.home, policy);
  deps.audit.append({ action: 'team.policy', outcome: 'ok', detail: policy ? `team policy set: ${JSON.stringify(policy)}` : 'team policy cleared' });
}

/** The team inventory over one vault (see TeamService): what the CLI, the app and browser mode call. */
export function openTeam(deps: TeamDeps): TeamService {
  setTeamPolicyCeiling(deps.home, cachedTeamPolicy(deps.home));
  return {
    connected: () => isJoined(deps.home),
    status: ({ probe }) => teamStatus(deps, probe),
    connect: (input) => connectTeam(deps, input),
    disconnect: () => disconnectTeam(deps),
    sync: () => runSync(deps),
    audit: (filter) => auditRows(deps, filter),
    vaults: () => withMember(deps, (db) => db.vaults()),
    find: (fingerprint) => withMember(deps, async (db) => (await db.findByFingerprint(fingerprint)).map((stored) => leakMatchOf(stored, deps.vaultId))),
    verifyLog: () => verifyAgainstTeam(deps),
    policy: () => withMember(deps, (db) => db.policy()),
    setPolicy: (policy) => setTeamPolicy(deps, policy),
    init: (input) => initTeamHere(deps, input),
    invite: (input) => inviteHere(deps, input),
    close: () => closeKeptConnection(deps),
  };
}
