// PLACEHOLDER (foundation): built by the sync part of the team inventory.
import type { VaultDocument } from '../../domain/model.js';

/**
 * The metadata store's onWrite hook (see conf-metadata-store.ts): in a vault joined to a team, it
 * appends which keys a change touched to the outbox, under the vault's lock, before the change is
 * written. In a vault not joined to a team it does nothing.
 */
export function teamOutboxRecorder(home: string): (before: VaultDocument, after: VaultDocument) => void {
  void home;
  return () => undefined;
}
