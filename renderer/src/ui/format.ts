import { CallError, HostStopped } from '../api/client.js';

export function ageInDays(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

export function shortDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** What the page says once the host stopped (browser mode): the next safe action, in the app's words (no command-line flag). */
export const HOST_STOPPED_TEXT = "Keyturn has stopped. Start it again with the app's start command, then reload this page.";

/** Anything else that failed in this window is a fault of the window: its text is a programmer's (TypeError …), never shown. */
export const WINDOW_FAULT_TEXT = 'Something went wrong in this window. Reload it and try again.';

/** A failed call in the person's words: the host's problem as the app words it, the stopped host, or the window's own fault. */
export function errorText(error: unknown): string {
  if (error instanceof CallError) return error.message;
  if (error instanceof HostStopped) return HOST_STOPPED_TEXT;
  return WINDOW_FAULT_TEXT;
}
