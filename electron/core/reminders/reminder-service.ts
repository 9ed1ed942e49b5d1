import type { AuditSink } from '../ports/audit-sink.js';
import type { Clock } from '../ports/clock.js';
import type { Notifier } from '../ports/notifier.js';
import type { MetadataStore } from '../store/metadata-store.js';
import { findKey } from '../vault/refs.js';
import { attentionCount, dueReminders, type Reminder } from './due-reminders.js';

export type { Notifier } from '../ports/notifier.js';

/**
 * Checks reminders and notifies. The thresholds are claimed inside a metadata update (under the
 * cross-process lock) before anything is shown, so two hosts on one vault never show the same one.
 */
export class ReminderService {
  constructor(private readonly deps: { metadata: MetadataStore; clock: Clock; notifier: Notifier; audit?: AuditSink }) {}

  async check(): Promise<Reminder[]> {
    const now = this.deps.clock.now();
    const reminders = await this.deps.metadata.update((doc) => {
      const pass = dueReminders(doc, now);
      return pass.changed ? { doc: { ...doc, reminders: pass.records }, result: pass.reminders } : { result: pass.reminders };
    });
    for (const reminder of reminders) this.deps.notifier.notify(reminder);
    this.deps.notifier.setAttentionCount(attentionCount(this.deps.metadata.read(), now));
    return reminders;
  }

  /**
   * The badge again, now: after a change in the vault (a key rotated, removed, verified) the count
   * is right at once, not at the next hourly check. Fires no reminder.
   */
  refreshAttention(): void {
    this.deps.notifier.setAttentionCount(attentionCount(this.deps.metadata.read(), this.deps.clock.now()));
  }

  /** No reminder for this key until `days` from now; then what it missed fires once. */
  async snooze(ref: string, days: number): Promise<{ until: string }> {
    const until = new Date(this.deps.clock.now().getTime() + days * 86_400_000).toISOString();
    const record = await this.deps.metadata.update((doc) => {
      const { record } = findKey(doc, ref);
      const current = doc.reminders?.[record.id] ?? { dueOn: '1970-01-01', fired: [] };
      return { doc: { ...doc, reminders: { ...doc.reminders, [record.id]: { ...current, snoozedUntil: until } } }, result: record };
    });
    this.deps.audit?.append({ action: 'reminder.snooze', keyId: record.id, maskedKey: record.maskedKey, outcome: 'ok', detail: `until ${until}` });
    return { until };
  }
}
