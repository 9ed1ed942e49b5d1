import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import type { TeamSyncOutcome } from '../../team/team-connection.js';
import type { TeamService } from '../../team/team-service.js';

export interface BackgroundSyncOptions {
  /** Each sync's outcome (what was delivered, what waits, why it stopped): the app refreshes its team status from it. */
  onStatus?: (outcome: TeamSyncOutcome) => void;
  /** How long after a vault change the sync starts (changes in a burst go together). Default 1 s. */
  debounceMs?: number;
  /** The first wait before retrying a database that did not answer, doubled each time up to maxRetryMs. Defaults 5 s and 5 min. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export interface BackgroundSync {
  /** The vault changed: sync shortly (debounced). */
  changed(): void;
  /** Stops: no sync starts any more, and this resolves once one under way has finished. */
  stop(): Promise<void>;
}

/** A sync that stopped short for a reason time may cure (the database down or failing): retried with backoff. */
function retryable(outcome: TeamSyncOutcome): boolean {
  return outcome.problem?.code === 'team.unreachable' || outcome.problem?.code === 'team.database-failed';
}

/**
 * The desktop's delivery: a sync at start, another shortly after each change, retries with backoff
 * while the database does not answer, never two at once. A vault not joined to a team is left
 * alone (a change after joining starts it).
 */
export function startBackgroundSync(team: TeamService, options: BackgroundSyncOptions = {}): BackgroundSync {
  const debounceMs = options.debounceMs ?? 1_000;
  const firstRetryMs = options.firstRetryMs ?? 5_000;
  const maxRetryMs = options.maxRetryMs ?? 300_000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let retryMs = firstRetryMs;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run();
    }, delay);
    timer.unref?.();
  };

  const once = async () => {
    let outcome: TeamSyncOutcome;
    try {
      outcome = await team.sync();
    } catch (error) {
      // A sync throws only for what is not the database's (team files that cannot be read, a damaged vault): reported, retried later.
      const stoppedBy = error instanceof ProblemError ? error.problem : problem('team.database-failed', { reason: error instanceof Error ? error.message : String(error) });
      const waiting = await team.status({ probe: false }).then((s) => s.waiting).catch(() => ({ keys: 0, auditEntries: 0 }));
      outcome = { delivered: { keys: 0, auditEntries: 0 }, waiting, problem: stoppedBy, at: new Date().toISOString() };
    }
    options.onStatus?.(outcome);
    if (outcome.problem && retryable(outcome)) {
      schedule(retryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    } else {
      retryMs = firstRetryMs;
    }
  };

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (!team.connected()) return;
    running = once().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        run();
      }
    });
  }

  run();
  return {
    changed: () => schedule(debounceMs),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
