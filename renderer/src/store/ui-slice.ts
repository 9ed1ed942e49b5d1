import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export type Dialog = { kind: 'add-key' } | { kind: 'scan' } | { kind: 'rotate'; ref: string; resumeRotationId?: string } | { kind: 'emergency' } | null;

export interface UiSlice {
  dialog: Dialog;
  /** Announced to screen readers and shown in the status bar. */
  announcement: string;
  open(dialog: Dialog): void;
  close(): void;
  announce(message: string): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  dialog: null,
  announcement: '',
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  announce: (announcement) => set({ announcement }),
});
