import type { CopyResult } from '../contract/views.js';

/** The part of a clipboard this needs: Electron's `clipboard` fits it. */
export interface TextClipboard {
  readText(): string;
  writeText(text: string): void;
}

/** A timer that can be cancelled; real timers in the app, a controllable one in tests. */
export type Schedule = (run: () => void, afterMs: number) => () => void;

export const realSchedule: Schedule = (run, afterMs) => {
  const timer = setTimeout(run, afterMs);
  // The app may quit before the timer fires; the timer must not keep it alive.
  timer.unref?.();
  return () => clearTimeout(timer);
};

/**
 * Copies a secret from the host and clears it after `seconds`, but only if the clipboard still
 * holds that secret: something the person copied since is theirs and stays. A newer copy cancels
 * the older one's timer, so one clear follows the last copy.
 */
export function guardedCopy(clipboard: TextClipboard, seconds: number, schedule: Schedule = realSchedule): (secret: string) => CopyResult {
  let cancelPending: (() => void) | null = null;
  return (secret) => {
    cancelPending?.();
    clipboard.writeText(secret);
    cancelPending = schedule(() => {
      cancelPending = null;
      if (clipboard.readText() === secret) clipboard.writeText('');
    }, seconds * 1000);
    return { by: 'host', clearsAfterSeconds: seconds };
  };
}
