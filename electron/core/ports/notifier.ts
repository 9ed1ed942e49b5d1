import type { Reminder } from '../reminders/due-reminders.js';

/** Where reminders go: OS notifications in the desktop app, an in-page stand-in in browser mode; the CLI has none. */
export interface Notifier {
  notify(reminder: Reminder): void;
  /** The number of keys that need attention, for a badge (dock, tray) where there is one. */
  setAttentionCount(count: number): void;
}
