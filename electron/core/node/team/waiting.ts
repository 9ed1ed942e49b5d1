import type { VaultDocument } from '../../domain/model.js';
import type { TeamWaiting } from '../../team/team-connection.js';
import { auditLogLength } from '../audit/audit-log.js';
import { pendingKeys, readOutbox, revisionsOf } from './outbox.js';
import type { TeamSyncState } from './team-files.js';

/** What waits past the cursor: distinct keys in the outbox (every key of the vault under an 'all' entry), and audit entries past the team's head. */
export function waitingOf(home: string, doc: VaultDocument, state: TeamSyncState): TeamWaiting {
  const pending = pendingKeys(readOutbox(home), state.deliveredN);
  const keys = revisionsOf(pending, doc.keys.map((k) => k.id)).size;
  return { keys, auditEntries: Math.max(0, auditLogLength(home) - state.deliveredSeq) };
}
