import { describe, expect, it } from 'vitest';
import { startBackgroundSync } from '../../../../../electron/core/node/team/background-sync.js';
import { problem } from '../../../../../electron/core/domain/problems/problem-error.js';
import type { TeamSyncOutcome } from '../../../../../electron/core/team/team-connection.js';
import type { TeamService } from '../../../../../electron/core/team/team-service.js';

/** A team service whose syncs the test finishes by hand, counting how many run at once. */
function scriptedTeam(answers: (TeamSyncOutcome['problem'])[] = []) {
  const started: { finish: () => void }[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const team = {
    connected: () => true,
    status: async () => ({ waiting: { keys: 0, auditEntries: 0 } }),
    sync: () =>
      new Promise<TeamSyncOutcome>((resolve) => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        const answer = answers.shift() ?? null;
        started.push({
          finish: () => {
            concurrent -= 1;
            resolve({ delivered: { keys: 1, auditEntries: 0 }, waiting: { keys: 0, auditEntries: 0 }, problem: answer, at: new Date().toISOString() });
          },
        });
        for (const w of waiters.filter((x) => started.length >= x.count)) w.resolve();
      }),
  } as unknown as TeamService;
  return {
    team,
    started,
    maxConcurrent: () => maxConcurrent,
    /** Resolves once `count` syncs have started. */
    startedCount: (count: number) => new Promise<void>((resolve) => (started.length >= count ? resolve() : waiters.push({ count, resolve }))),
  };
}

describe('background sync', () => {
  it('syncs at start, and again after a change, never two at once', async () => {
    const scripted = scriptedTeam();
    const outcomes: TeamSyncOutcome[] = [];
    const background = startBackgroundSync(scripted.team, { debounceMs: 1, onStatus: (o) => outcomes.push(o) });
    await scripted.startedCount(1);
    background.changed();
    background.changed();
    // The change comes while the first sync is under way: the next one waits for it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    scripted.started[0]?.finish();
    await scripted.startedCount(2);
    scripted.started[1]?.finish();
    await background.stop();
    expect(scripted.maxConcurrent()).toBe(1);
    expect(outcomes).toHaveLength(2);
  });

  it('retries while the database does not answer, and stop() waits for a sync under way', async () => {
    const scripted = scriptedTeam([problem('team.unreachable', { database: 'db', reason: 'ECONNREFUSED' })]);
    const outcomes: TeamSyncOutcome[] = [];
    const background = startBackgroundSync(scripted.team, { firstRetryMs: 1, onStatus: (o) => outcomes.push(o) });
    await scripted.startedCount(1);
    scripted.started[0]?.finish();
    await scripted.startedCount(2);
    let stoppedAt = -1;
    const stopping = background.stop().then(() => (stoppedAt = outcomes.length));
    scripted.started[1]?.finish();
    await stopping;
    expect(stoppedAt).toBe(2);
    expect(outcomes[0]?.problem?.code).toBe('team.unreachable');
    expect(outcomes[1]?.problem).toBeNull();
  });
});
