import { fail, problem } from '../../domain/problems/problem-error.js';
import type { Problem } from '../../domain/problems/catalogue.js';
import type { VaultDocument } from '../../domain/model.js';
import type { TeamAuditHead, TeamDatabase, TeamDelivery } from '../../ports/team-database.js';
import { setTeamPolicyCeiling } from '../../policy/team-ceiling.js';
import type { TeamConnection, TeamSyncOutcome } from '../../team/team-connection.js';
import { teamKeyRows } from '../../team/team-key-row.js';
import { localLogLines, logAgainstHead } from './local-log.js';
import type { TeamDeps } from './team-deps.js';
import { compactOutbox, pendingKeys, readOutbox, revisionsOf, type OutboxEntry } from './outbox.js';
import { withSyncLock } from './sync-lock.js';
import { closeQuietly, machineOf, openMemberDatabase, problemOf } from './team-context.js';
import { readConnection, readSyncState, writeSyncState, type TeamSyncState } from './team-files.js';
import { waitingOf } from './waiting.js';

/** A first sync of a large vault goes in transactions of at most this many keys and entries each. */
export const DELIVERY_CHUNK = 5_000;

/** The connection's role must still be the member team.json names (a role handed to someone else is not us). */
export async function checkIdentity(db: TeamDatabase, connection: TeamConnection): Promise<void> {
  const identity = await db.identity();
  if (identity.team !== connection.team || identity.member !== connection.member) fail('team.not-a-member', { role: connection.role, team: connection.team, member: connection.member });
}

/** The deliveries of one sync: the keys and the audit entries cut into chunks, the first carrying the most. */
export function chunksOf(vault: TeamDelivery['vault'], keys: TeamDelivery['keys'], audit: TeamDelivery['audit'], size = DELIVERY_CHUNK): TeamDelivery[] {
  const count = Math.max(1, Math.ceil(keys.length / size), Math.ceil(audit.length / size));
  return Array.from({ length: count }, (_, i) => ({ vault, keys: keys.slice(i * size, (i + 1) * size), audit: audit.slice(i * size, (i + 1) * size) }));
}

/** What a sync works from, taken under the vault's lock so the outbox and the document agree. */
function snapshot(deps: TeamDeps): Promise<{ doc: VaultDocument; entries: OutboxEntry[] }> {
  // An update that returns no document writes nothing: it only holds the lock while both are read.
  return deps.metadata.update((doc) => ({ result: { doc, entries: readOutbox(deps.home) } }));
}

/**
 * Delivers what waits: the keys named in the outbox past the cursor (as the vault stands now, each
 * at the revision of the newest entry naming it; a key with no row is removed), and the audit
 * entries past the team's head of this vault, then moves the cursor and compacts the outbox. Never
 * throws for the database: the outcome and team-sync.json say what stopped it. Writes no audit
 * entry (it would itself wait for the next sync, forever).
 */
export async function runSync(deps: TeamDeps): Promise<TeamSyncOutcome> {
  const connection = readConnection(deps.home);
  if (!connection) return fail('team.not-connected', {});
  return withSyncLock(deps.home, () => syncLocked(deps, connection));
}

async function syncLocked(deps: TeamDeps, connection: TeamConnection): Promise<TeamSyncOutcome> {
  const state = readSyncState(deps.home);
  const { doc, entries } = await snapshot(deps);
  const now = deps.clock.now();
  const pending = pendingKeys(entries, state.deliveredN);
  const revisions = revisionsOf(pending, doc.keys.map((k) => k.id));
  const rows = new Map(teamKeyRows(doc, now, new Set(revisions.keys())).map((r) => [r.keyId, r]));
  const keys = [...revisions].map(([keyId, revision]) => ({ keyId, revision, row: rows.get(keyId) ?? null }));
  const lines = localLogLines(deps.home);
  const lastN = Math.max(state.lastN, pending.newestN);
  let db: TeamDatabase | null = null;
  try {
    db = await openMemberDatabase(deps, connection);
    await checkIdentity(db, connection);
    const head = await db.auditHead(deps.vaultId);
    const against = logAgainstHead(lines, head);
    let logProblem: Problem | null = null;
    if (against.state === 'diverged') logProblem = problem('team.log-diverged', { seq: against.seq });
    if (against.state === 'shorter') logProblem = problem('team.log-shorter', { local: against.local, team: against.team });
    const from = against.state === 'follows' ? against.from : 0;
    const audit = against.state === 'follows' ? lines.slice(from).map((line, i) => ({ seq: from + i + 1, line })) : [];
    let newest: TeamAuditHead | null = head;
    for (const delivery of chunksOf({ vaultId: deps.vaultId, machine: machineOf(deps) }, keys, audit, deps.deliveryChunk)) {
      const delivered = await db.deliver(delivery);
      newest = delivered.head ?? newest;
    }
    const policy = await db.policy();
    const next: TeamSyncState = { deliveredN: pending.newestN, deliveredSeq: newest?.seq ?? 0, lastN, lastSyncAt: now.toISOString(), lastProblem: logProblem, policy };
    writeSyncState(deps.home, next);
    setTeamPolicyCeiling(deps.home, policy);
    // Under the vault lock: no append runs while the delivered entries are cut away.
    if (pending.newestN > state.deliveredN) await deps.metadata.update(() => ({ result: compactOutbox(deps.home, pending.newestN) }));
    return { delivered: { keys: keys.length, auditEntries: audit.length }, waiting: waitingOf(deps.home, deps.metadata.read(), next), problem: logProblem, at: now.toISOString() };
  } catch (error) {
    const stopped = problemOf(error);
    const next: TeamSyncState = { ...state, lastN, lastProblem: stopped };
    writeSyncState(deps.home, next);
    return { delivered: { keys: 0, auditEntries: 0 }, waiting: waitingOf(deps.home, deps.metadata.read(), next), problem: stopped, at: now.toISOString() };
  } finally {
    await closeQuietly(db);
  }
}
