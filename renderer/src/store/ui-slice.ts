import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export type Dialog =
  | { kind: 'add-key' }
  | { kind: 'scan' }
  | { kind: 'settings' }
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
  /** Announced to screen readers and shown in the status bar. */
  announcement: string;
  toasts: Toast[];
  detailRequest: DetailRequest;
  open(dialog: Dialog): void;
  close(): void;
  announce(message: string): void;
  show(view: UiSlice['view']): void;
  remind(reminder: ShownReminder): void;
  dismissReminder(ref: string): void;
  toast(message: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
  requestDetail(request: DetailRequest): void;
}

let nextToastId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  dialog: null,
  view: 'vault',
  reminders: [],
  announcement: '',
  toasts: [],
  detailRequest: null,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  announce: (announcement) => set({ announcement }),
  show: (view) => set({ view }),
  remind: (reminder) => set((s) => ({ reminders: [reminder, ...s.reminders.filter((r) => r.ref !== reminder.ref)] })),
  dismissReminder: (ref) => set((s) => ({ reminders: s.reminders.filter((r) => r.ref !== ref) })),
  toast: (message, tone = 'info') => set((s) => ({ toasts: [...s.toasts, { id: nextToastId++, message, tone }].slice(-4) })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  requestDetail: (detailRequest) => set({ detailRequest }),
});
