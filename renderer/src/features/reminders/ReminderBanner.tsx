import { BellRing, RefreshCw } from 'lucide-react';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { errorText } from '../../ui/format.js';
import { useStaleReminders } from './useStaleReminders.js';

/** Reminders that arrived in the page: rotate now, or snooze that key for a day; gone once the key is rotated. */
export function ReminderBanner() {
  useStaleReminders();
  const reminders = useApp((s) => s.reminders);
  const dismiss = useApp((s) => s.dismissReminder);
  const open = useApp((s) => s.open);
  const announce = useApp((s) => s.announce);
  if (reminders.length === 0) return null;

  async function snooze(ref: string) {
    try {
      const { until } = await hostApi().reminderSnooze({ ref, days: 1 });
      dismiss(ref);
      announce(`No reminder for ${ref} until ${until.slice(0, 16).replace('T', ' ')}`);
    } catch (error) {
      announce(errorText(error));
    }
  }

  return (
    <section className="reminders" aria-label="Reminders">
      {reminders.map((r) => (
        <div key={r.ref} className="reminder" role="status">
          <BellRing size={16} aria-hidden />
          <span>
            <strong>{r.title}</strong> {r.body}
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => {
              dismiss(r.ref);
              open({ kind: 'rotate', ref: r.ref });
            }}
          >
            <RefreshCw size={14} aria-hidden /> Rotate now
          </button>
          <button type="button" onClick={() => void snooze(r.ref)}>
            Snooze a day
          </button>
          <button type="button" aria-label={`Dismiss the reminder for ${r.ref}`} onClick={() => dismiss(r.ref)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
