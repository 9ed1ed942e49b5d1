import type { VaultDocument } from '../../domain/model.js';
import { setTeamPolicyCeiling } from '../../policy/team-ceiling.js';
import { changedKeys } from './changed-keys.js';
import { appendOutbox, outboxTail } from './outbox.js';
import { cachedTeamPolicy, isJoined, readSyncState } from './team-files.js';

/**
 * The metadata store's onWrite hook (see conf-metadata-store.ts): in a vault joined to a team, it
 * appends which keys a change touched to the outbox, under the vault's lock, before the change is
 * written. In a vault not joined to a team it does nothing.
 *
 * Made once per store, where each host opens its vault: it also puts the team's cached policy in
 * force as the ceiling of every policy state this process works out (see policy/team-ceiling.ts).
 */
export function teamOutboxRecorder(home: string): (before: VaultDocument, after: VaultDocument) => void {
  setTeamPolicyCeiling(home, cachedTeamPolicy(home));
  return (before, after) => {
    if (!isJoined(home)) return;
    const keys = changedKeys(before, after);
    if (keys !== 'all' && keys.length === 0) return;
    const tail = outboxTail(home);
    // After a compaction the outbox may be empty: team-sync.json remembers the newest number given.
    const n = Math.max(tail.lastN, lastGivenN(home)) + 1;
    appendOutbox(home, { n, keys }, tail.torn);
  };
}

/** team-sync.json's newest number; a damaged file must not stop the vault's writes (sync reports it). */
function lastGivenN(home: string): number {
  try {
    return readSyncState(home).lastN;
  } catch {
    return 0;
  }
}
