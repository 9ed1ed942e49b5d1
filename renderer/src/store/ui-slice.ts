import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export type Dialog = { kind: 'add-key' } | { kind: 'scan' } | { kind: 'settings' } | { kind: 'rotate'; ref: string; resumeRotationId?: string } | { kind: 'emergency'; ref?: string } | null;

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
  /** Announced to screen readers and shown in the status bar. */
  announcement: string;
  open(dialog: Dialog): void;
  close(): void;
  announce(message: string): void;
  show(view: UiSlice['view']): void;
  remind(reminder: ShownReminder): void;
  dismissReminder(ref: string): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  dialog: null,
  view: 'vault',
  reminders: [],
  announcement: '',
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  announce: (announcement) => set({ announcement }),
  show: (view) => set({ view }),
  remind: (reminder) => set((s) => ({ reminders: [reminder, ...s.reminders.filter((r) => r.ref !== reminder.ref)] })),
  dismissReminder: (ref) => set((s) => ({ reminders: s.reminders.filter((r) => r.ref !== ref) })),
});
