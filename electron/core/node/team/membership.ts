import { fail } from '../../domain/problems/problem-error.js';
import type { TeamDatabase } from '../../ports/team-database.js';
import { setTeamPolicyCeiling } from '../../policy/team-ceiling.js';
import { TEAM_PASSWORD_ACCOUNT, type TeamStatus } from '../../team/team-connection.js';
import { parseTeamUrl } from './pg/connection-url.js';
import type { TeamDeps } from './team-deps.js';
import { appendOutbox, outboxTail } from './outbox.js';
import { teamStatus } from './status.js';
import { runSync } from './sync.js';
import { closeKeptConnection, closeQuietly, machineOf, openDatabase, openFreshMemberDatabase } from './team-context.js';
import { EMPTY_SYNC_STATE, readConnection, readSyncState, removeMemberFiles, writeConnection, writeSyncState } from './team-files.js';

export interface ConnectInput {
  url: string;
  team: string;
  member?: string;
  password?: string;
}

/**
 * `team connect`: every check first (the URL, the password, the schema, the team and the member),
 * so a refusal leaves nothing behind; then the password goes to the keychain, team.json gets the
 * URL without it, the whole vault is queued, and a first sync is tried (its failure only leaves it
 * waiting).
 */
export async function connectTeam(deps: TeamDeps, input: ConnectInput): Promise<TeamStatus> {
  const existing = readConnection(deps.home);
  if (existing) fail('team.already-connected', { team: existing.team });
  const url = parseTeamUrl(input.url);
  const password = url.password ?? input.password;
  if (!password) return fail('team.password-needed', {});
  let db: TeamDatabase | null = null;
  let identity;
  try {
    db = await openDatabase(deps, url.withoutPassword, password);
    identity = await db.identity();
  } finally {
    await closeQuietly(db);
  }
  if (identity.team !== input.team) fail('team.not-a-member', { role: url.role, team: input.team, ...(input.member ? { member: input.member } : {}) });
  if (input.member !== undefined && identity.member !== input.member) fail('team.not-a-member', { role: url.role, team: input.team, member: input.member });

  await deps.secrets.set(deps.keychainService, TEAM_PASSWORD_ACCOUNT, password);
  // Outbox numbers are never reused, not even across a disconnect: the team may still hold rows at the old revisions.
  const lastN = lastGivenN(deps.home);
  writeSyncState(deps.home, { ...EMPTY_SYNC_STATE, lastN });
  writeConnection(deps.home, { url: url.withoutPassword, team: identity.team, member: identity.member, role: url.role, lead: identity.lead, machine: machineOf(deps), connectedAt: deps.clock.now().toISOString() });
  // Under the vault lock, as the recorder appends: everything the vault holds is to be published.
  await deps.metadata.update(() => {
    const tail = outboxTail(deps.home);
    appendOutbox(deps.home, { n: Math.max(tail.lastN, lastN) + 1, keys: 'all' }, tail.torn);
    return { result: undefined };
  });
  deps.audit.append({ action: 'team.connect', outcome: 'ok', detail: `joined team ${identity.team} as ${identity.member}${identity.lead ? ' (lead)' : ''} at ${url.display}` });
  const first = await runSync(deps);
  const status = await teamStatus(deps, false);
  return { ...status, reachable: first.problem?.code === 'team.unreachable' ? false : true, problem: first.problem };
}

/** `team disconnect`: tells the team this vault left (best effort: a database that is down must not keep it joined), then forgets the connection. */
export async function disconnectTeam(deps: TeamDeps): Promise<void> {
  const connection = readConnection(deps.home);
  if (!connection) return fail('team.not-connected', {});
  let left = false;
  let db: TeamDatabase | null = null;
  try {
    // A connection of its own, bounded by the connect timeout: leaving must not wait on a kept one to a host that vanished.
    await closeKeptConnection(deps);
    db = await openFreshMemberDatabase(deps, connection);
    await db.leave(deps.vaultId);
    left = true;
  } catch {
    // Down, or the password gone: the vault leaves locally all the same; the team sees it stop syncing.
  } finally {
    await closeQuietly(db);
  }
  const lastN = Math.max(lastGivenN(deps.home), outboxTail(deps.home).lastN);
  removeMemberFiles(deps.home);
  writeSyncState(deps.home, { ...EMPTY_SYNC_STATE, lastN });
  await deps.secrets.delete(deps.keychainService, TEAM_PASSWORD_ACCOUNT);
  setTeamPolicyCeiling(deps.home, null);
  deps.audit.append({ action: 'team.disconnect', outcome: 'ok', detail: `left team ${connection.team}${left ? '' : ' (the team database was not told: it did not answer)'}` });
}

function lastGivenN(home: string): number {
  try {
    return readSyncState(home).lastN;
  } catch {
    return 0;
  }
}
