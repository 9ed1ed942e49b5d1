import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { TEAM_SYNC_LOCK_FILE } from './team-files.js';

/**
 * One sync at a time per vault, across processes: a second one waits, then delivers what still
 * waits. The lock is refreshed while held, so one left by a killed process is taken over once
 * stale (a few seconds), and a sync never waits on a dead one for long.
 */
export async function withSyncLock<T>(home: string, run: () => Promise<T>): Promise<T> {
  // Not `home` itself: proper-lockfile keeps its locks by that path, and the vault's own lock is on `home`
  // (a sync takes it inside this one); the same key for both would let one release the other's.
  const release = await lockfile.lock(join(home, 'team-sync'), {
    realpath: false,
    lockfilePath: join(home, TEAM_SYNC_LOCK_FILE),
    stale: 5_000,
    retries: { retries: 600, minTimeout: 20, maxTimeout: 250, factor: 1.3 },
  });
  try {
    return await run();
  } finally {
    await release().catch(() => undefined);
  }
}
