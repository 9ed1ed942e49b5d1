import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

/** The sections of Settings: the rotation policy, and the team inventory's connection. */
export type SettingsSection = 'policy' | 'team';

export type Dialog =
  | { kind: 'add-key' }
  | { kind: 'scan' }
  | { kind: 'settings'; section?: SettingsSection }
  | { kind: 'rotate'; ref: string; resumeRotationId?: string }
  | { kind: 'emergency'; ref?: string }
  | { kind: 'remove-key'; ref: string }
  | { kind: 'rename-key'; ref: string }
  | { kind: 'remove-instance'; ref: string }
  | null;

/** A short message that goes away by itself (an action's outcome); errors stay next to what is wrong instead. */
export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
}

/** What a key row's context menu asks of the detail pane, which owns the action (reveal needs its own state). */
export type DetailRequest = { ref: string; action: 'reveal' } | null;

export interface ShownReminder {
  ref: string;
  title: string;
  body: string;
}

export interface UiSlice {
  dialog: Dialog;
  view: 'vault' | 'audit';
  /** Reminders shown in the page (browser mode's notifications), newest first; never a secret. */
  reminders: ShownReminder[];
  /** The outcome said last, while its toast is shown (cleared with it): never a stale message. */
  announcement: string;
  toasts: Toast[];
  /** The host stopped answering (browser mode): the page says so once and says nothing else. */
  hostStopped: boolean;
  detailRequest: DetailRequest;
  open(dialog: Dialog): void;
  close(): void;
  /** An action's outcome, said as a toast that goes away (an info toast). */
  announce(message: string): void;
  show(view: UiSlice['view']): void;
  remind(reminder: ShownReminder): void;
  dismissReminder(ref: string): void;
  toast(message: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
  requestDetail(request: DetailRequest): void;
  hostHasStopped(): void;
}

let nextToastId = 1;

/** At most this many toasts at once: an older one gives way to a newer one. */
export const MAX_TOASTS = 4;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  dialog: null,
  view: 'vault',
  reminders: [],
  announcement: '',
  toasts: [],
  detailRequest: null,
  hostStopped: false,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  announce: (message) => get().toast(message, 'info'),
  show: (view) => set({ view }),
  remind: (reminder) => set((s) => ({ reminders: [reminder, ...s.reminders.filter((r) => r.ref !== reminder.ref)] })),
  dismissReminder: (ref) => set((s) => ({ reminders: s.reminders.filter((r) => r.ref !== ref) })),
  toast: (message, tone = 'info') =>
    set((s) => {
      // Once the host stopped, the page has said so: every other call fails the same way, and says nothing more.
      if (s.hostStopped) return {};
      // The same message again (a repeated click) refreshes the one shown rather than stacking.
      const others = s.toasts.filter((t) => t.message !== message);
      return { toasts: [...others, { id: nextToastId++, message, tone }].slice(-MAX_TOASTS), announcement: message };
    }),
  dismissToast: (id) =>
    set((s) => {
      const gone = s.toasts.find((t) => t.id === id);
      const toasts = s.toasts.filter((t) => t.id !== id);
      return { toasts, announcement: gone && gone.message === s.announcement ? '' : s.announcement };
    }),
  requestDetail: (detailRequest) => set({ detailRequest }),
  hostHasStopped: () => set({ hostStopped: true, toasts: [], announcement: '' }),
});
