import type { KeyRow, PolicyState, VaultOverview } from '../../../../electron/contract/views.js';
import type { ShownReminder } from '../../store/ui-slice.js';

/** The states a reminder is about (the policy badge's "needs attention"; kept here so this stays free of components). */
const REMINDED_STATES: ReadonlySet<PolicyState> = new Set<PolicyState>(['due soon', 'overdue', 'expired']);

/**
 * The reminders that no longer hold: the key at that reference was rotated (a newer key took its
 * name, or it is previous or revoked), was removed, or its policy is met again.
 * `remindedKeys` maps a reminder's ref to the key id it was about when it arrived.
 */
export function staleReminders(reminders: readonly ShownReminder[], overview: VaultOverview, remindedKeys: ReadonlyMap<string, string>): string[] {
  const byRef = new Map<string, KeyRow>(overview.keys.map((k) => [k.ref, k]));
  return reminders
    .filter((r) => {
      const key = byRef.get(r.ref);
      const remindedId = remindedKeys.get(r.ref);
      // A key this overview does not list yet (added elsewhere since) is not taken for a removed one.
      if (!key) return remindedId !== undefined;
      if (key.status !== 'active') return true;
      if (remindedId !== undefined && remindedId !== key.id) return true;
      return !REMINDED_STATES.has(key.policy.state);
    })
    .map((r) => r.ref);
}
