import { app, Notification } from 'electron';
import type { Notifier } from '../core/reminders/reminder-service.js';

/**
 * Reminders as OS notifications. Clicking one brings the window up on that key's rotation wizard.
 * The count goes on the dock or launcher badge (where the platform has one) and to `showCount` (the tray).
 */
export function osNotifier(onClick: (ref: string) => void, showCount: (count: number) => void = () => undefined): Notifier {
  return {
    notify(reminder) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: reminder.title, body: reminder.body });
      notification.on('click', () => onClick(reminder.ref));
      notification.show();
    },
    setAttentionCount(count) {
      app.setBadgeCount(count);
      showCount(count);
    },
  };
}
