import type { ReminderRecord, VaultDocument } from '../domain/model.js';
import { keyPolicyState, needsAttention, type KeyPolicyState } from '../policy/key-policy.js';
import { keyRef } from '../vault/refs.js';

/** Days before the date that drives a key (expiry or rotation due) when a reminder fires; 0 is the day itself. */
export const REMINDER_THRESHOLDS = [30, 7, 1, 0] as const;

export interface Reminder {
  keyId: string;
  ref: string;
  threshold: number;
  dueOn: string;
  daysLeft: number;
  title: string;
  body: string;
}

export interface ReminderPass {
  reminders: Reminder[];
  /** The records to persist: each crossed threshold marked, so it never fires twice. */
  records: Record<string, ReminderRecord>;
  changed: boolean;
}

function describe(ref: string, policy: KeyPolicyState & { date: string; daysLeft: number }): { title: string; body: string } {
  const what = policy.drivenBy === 'provider expiry' ? 'expires' : 'is due for rotation';
  const past = policy.drivenBy === 'provider expiry' ? 'expired' : 'is overdue for rotation';
  if (policy.daysLeft > 0) return { title: `${ref} ${what} in ${policy.daysLeft} day${policy.daysLeft === 1 ? '' : 's'}`, body: `On ${policy.date}. Rotate it now: open Keyturn's rotation wizard.` };
  return { title: policy.daysLeft === 0 ? `${ref} ${what} today` : `${ref} ${past}`, body: `Since ${policy.date}. Rotate it now: open Keyturn's rotation wizard.` };
}

/**
 * Which reminders are due now. Each threshold fires once per key and due date: the records say
 * which fired, so a restart fires nothing again; a clock jump or a long sleep that crossed several
 * thresholds fires one reminder (the most urgent) and marks them all; a clock set back fires nothing
 * already fired. A snoozed key fires nothing until its snooze ends, then what it missed, once.
 */
export function dueReminders(doc: VaultDocument, now: Date): ReminderPass {
  const instances = new Map(doc.instances.map((i) => [i.id, i]));
  const records: Record<string, ReminderRecord> = {};
  const reminders: Reminder[] = [];
  let changed = false;
  for (const key of doc.keys) {
    const instance = instances.get(key.instanceId);
    // A rotation's pending key is reminded of as the key it replaces, once it is current.
    if (!instance || key.status === 'pending') continue;
    const policy = keyPolicyState(key, instance, doc.policy, now);
    if (policy.state === 'retired' || policy.date === null || policy.daysLeft === null) continue;
    const stored = doc.reminders?.[key.id];
    // A new due date (a changed expiry or policy) starts the thresholds afresh; a snooze stays.
    let record: ReminderRecord = stored && stored.dueOn === policy.date ? stored : { dueOn: policy.date, fired: [], ...(stored?.snoozedUntil ? { snoozedUntil: stored.snoozedUntil } : {}) };
    if (record !== stored) changed = true;
    const daysLeft = policy.daysLeft;
    // A key that is not due soon yet (one just rotated under a short policy) crosses no threshold.
    const crossed = policy.state === 'ok' ? [] : REMINDER_THRESHOLDS.filter((t) => daysLeft <= t && !record.fired.includes(t));
    const snoozed = record.snoozedUntil !== undefined && now.getTime() < Date.parse(record.snoozedUntil);
    if (crossed.length > 0 && !snoozed) {
      const threshold = Math.min(...crossed);
      reminders.push({ keyId: key.id, ref: keyRef(instance, key), threshold, dueOn: policy.date, daysLeft, ...describe(keyRef(instance, key), { ...policy, date: policy.date, daysLeft }) });
      record = { ...record, fired: [...record.fired, ...crossed].sort((a, b) => b - a) };
      changed = true;
    }
    records[key.id] = record;
  }
  // Records of keys that are gone or retired are dropped.
  if (Object.keys(doc.reminders ?? {}).some((id) => !(id in records))) changed = true;
  return { reminders, records, changed };
}

/** How many live keys need attention (due soon, overdue, expired, rejected; see needsAttention): the dock badge and the window title. */
export function attentionCount(doc: VaultDocument, now: Date): number {
  const instances = new Map(doc.instances.map((i) => [i.id, i]));
  let count = 0;
  for (const key of doc.keys) {
    const instance = instances.get(key.instanceId);
    if (!instance) continue;
    if (needsAttention(key, keyPolicyState(key, instance, doc.policy, now).state)) count += 1;
  }
  return count;
}
