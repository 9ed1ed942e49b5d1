import { useEffect, useRef } from 'react';
import { useApp } from '../../store/store.js';
import { staleReminders } from './stale-reminders.js';

/**
 * Drops a reminder once its key was rotated or its policy met, each time the vault is read again:
 * the banner never asks to rotate a key that was just rotated.
 */
export function useStaleReminders(): void {
  const reminders = useApp((s) => s.reminders);
  const overview = useApp((s) => s.overview);
  const dismiss = useApp((s) => s.dismissReminder);
  // Which key each reminder was about when it first showed: a rotation gives its name to a new key.
  const remindedKeys = useRef(new Map<string, string>());

  useEffect(() => {
    if (!overview) return;
    const known = remindedKeys.current;
    for (const r of reminders) {
      if (known.has(r.ref)) continue;
      const key = overview.keys.find((k) => k.ref === r.ref);
      if (key) known.set(r.ref, key.id);
    }
    for (const ref of staleReminders(reminders, overview, known)) {
      known.delete(ref);
      dismiss(ref);
    }
    for (const ref of known.keys()) if (!reminders.some((r) => r.ref === ref)) known.delete(ref);
  }, [reminders, overview, dismiss]);
}
