import type { ReminderService } from '../core/reminders/reminder-service.js';
import type { AppCore } from './app-core.js';

const HOUR_MS = 3_600_000;

export interface Schedules {
  /** After the machine wakes: sleeping may have crossed a threshold or a verification slot. */
  resume(): Promise<void>;
  /** No more ticks; resolves when a pass under way has finished (so the vault home can be closed). */
  stop(): Promise<void>;
}

/**
 * What a UI host runs in the background: reminders at launch, hourly and on resume; and, when the
 * person switched it on, verification of every key every N hours (through the vault's verify, so
 * the per-host cap holds). Failures are handed to `onError` as they were thrown (the host words
 * them), never thrown into a timer.
 */
export function startSchedules(core: AppCore, reminders: ReminderService, onError: (error: unknown) => void = () => undefined): Schedules {
  let lastScheduledVerify = newestVerification(core);
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    // One pass at a time: an hourly tick during a long verification waits for it.
    running ??= (async () => {
      try {
        await reminders.check();
        const hours = core.vault.read().scheduledVerifyHours;
        const now = core.clock.now().getTime();
        if (hours && now - lastScheduledVerify >= hours * HOUR_MS) {
          lastScheduledVerify = now;
          await core.vault.verify('all');
          await reminders.check();
        }
      } catch (error) {
        onError(error);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), HOUR_MS);
  timer.unref?.();
  return {
    resume: tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** A restart does not verify everything again at once: the newest verification counts as the last run. */
function newestVerification(core: AppCore): number {
  let newest = 0;
  for (const key of core.vault.read().keys) {
    const at = key.lastVerification ? Date.parse(key.lastVerification.at) : 0;
    if (at > newest) newest = at;
  }
  return newest;
}
