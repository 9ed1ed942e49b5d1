import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotationHeldError } from '../../../../electron/core/rotation/rotation-lock.js';
import { FileRotationLocks } from '../../../../electron/core/node/store/file-rotation-locks.js';
import { holdRotationLock } from '../../../support/lock-holder.js';
import { problemWith } from '../../../support/problem-match.js';
import { tempHome } from '../../../support/temp-home.js';

const ROTATION = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

describe('rotation locks: one owner per rotation across processes', () => {
  it('refuses a rotation held by a live process, naming its pid, host and start', async () => {
    const home = tempHome();
    const holder = await holdRotationLock(home, ROTATION, 'the keyturn CLI');
    try {
      const locks = new FileRotationLocks(home, { host: 'the desktop app' });
      expect(locks.holder(ROTATION)).toMatchObject({ pid: holder.pid, host: 'the keyturn CLI', machine: hostname() });
      const refused = await locks.acquire(ROTATION).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(RotationHeldError);
      expect(refused).toEqual(problemWith('rotation.held', { pid: holder.pid, host: 'the keyturn CLI', machine: hostname(), since: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/) }));
      expect((refused as RotationHeldError).kind).toBe('busy');
      expect((refused as RotationHeldError).owner).toMatchObject({ pid: holder.pid });
    } finally {
      await holder.kill();
    }
  });

  it('takes over the lock of a process killed with SIGKILL at once (no stale wait)', async () => {
    const home = tempHome();
    const holder = await holdRotationLock(home, ROTATION, 'the keyturn CLI');
    await holder.kill();
    // The crash left the lock and its owner record behind...
    const lockDir = join(home, 'rotation-locks', `${ROTATION}.lock`);
    expect(existsSync(lockDir)).toBe(true);
    expect(JSON.parse(readFileSync(join(home, 'rotation-locks', `${ROTATION}.owner.json`), 'utf8'))).toMatchObject({ pid: holder.pid });
    // ...and still nobody holds the rotation: the next process takes it, with a stale time far away.
    const locks = new FileRotationLocks(home, { host: 'the desktop app', staleMs: 600_000 });
    expect(locks.holder(ROTATION)).toBeNull();
    const lease = await locks.acquire(ROTATION);
    expect(locks.holder(ROTATION)).toMatchObject({ pid: process.pid, host: 'the desktop app' });
    await lease.release();
    expect(locks.holder(ROTATION)).toBeNull();
    expect(existsSync(lockDir)).toBe(false);
  });

  it('an owner on another machine holds while its lock is refreshed, and is taken over once it is stale', async () => {
    const home = tempHome();
    const dir = join(home, 'rotation-locks');
    mkdirSync(join(dir, `${ROTATION}.lock`), { recursive: true });
    writeFileSync(join(dir, `${ROTATION}.owner.json`), JSON.stringify({ pid: 4242, host: 'browser mode', machine: 'elsewhere', since: '2026-12-01T10:00:00.000Z' }));
    const locks = new FileRotationLocks(home, { host: 'the keyturn CLI', staleMs: 30_000 });
    await expect(locks.acquire(ROTATION)).rejects.toThrow(problemWith('rotation.held', { pid: 4242, host: 'browser mode', machine: 'elsewhere', since: '2026-12-01T10:00:00.000Z' }));
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, `${ROTATION}.lock`), longAgo, longAgo);
    expect(locks.holder(ROTATION)).toBeNull();
    const lease = await locks.acquire(ROTATION);
    expect(locks.holder(ROTATION)).toMatchObject({ pid: process.pid, machine: hostname() });
    await lease.release();
  });

  it('an owner on this machine whose pid is alive but whose lock was not refreshed within the stale time is taken over (the pid may be reused)', async () => {
    const home = tempHome();
    const dir = join(home, 'rotation-locks');
    mkdirSync(join(dir, `${ROTATION}.lock`), { recursive: true });
    // A dead owner's record whose pid now belongs to a live process (here: this test's parent).
    writeFileSync(join(dir, `${ROTATION}.owner.json`), JSON.stringify({ pid: process.ppid, host: 'the keyturn CLI', machine: hostname(), since: '2026-12-01T10:00:00.000Z' }));
    const locks = new FileRotationLocks(home, { host: 'the desktop app', staleMs: 30_000 });
    // While its lock is fresh, the live pid holds it...
    await expect(locks.acquire(ROTATION)).rejects.toThrow(problemWith('rotation.held', { pid: process.ppid, host: 'the keyturn CLI' }));
    // ...and once it has not been refreshed for longer than the stale time, it holds nothing.
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, `${ROTATION}.lock`), longAgo, longAgo);
    expect(locks.holder(ROTATION)).toBeNull();
    const lease = await locks.acquire(ROTATION);
    expect(locks.holder(ROTATION)).toMatchObject({ pid: process.pid, host: 'the desktop app' });
    await lease.release();
    expect(existsSync(join(dir, `${ROTATION}.lock`))).toBe(false);
  });

  it('two processes taking one abandoned lock at once: exactly one gets it', async () => {
    const home = tempHome();
    const dead = await holdRotationLock(home, ROTATION, 'the keyturn CLI');
    await dead.kill();
    const contenders = await Promise.all([0, 1, 2].map(() => holdRotationLock(home, ROTATION, 'the keyturn CLI').then((h) => h, (e: unknown) => e)));
    const holders = contenders.filter((c): c is Awaited<ReturnType<typeof holdRotationLock>> => !(c instanceof Error));
    try {
      expect(holders).toHaveLength(1);
      for (const refused of contenders.filter((c) => c instanceof Error)) expect((refused as Error).message).toMatch(/refused \{"code":"rotation\.held","pid":\d+,/);
      expect(new FileRotationLocks(home, { host: 'x' }).holder(ROTATION)?.pid).toBe(holders[0]?.pid);
    } finally {
      for (const h of holders) await h.kill();
    }
  });

  it('a holder whose lock was taken over learns it (lost) and its release leaves the new owner alone', async () => {
    const home = tempHome();
    const dir = join(home, 'rotation-locks');
    const locks = new FileRotationLocks(home, { host: 'the keyturn CLI', staleMs: 1_000 });
    const lease = await locks.acquire(ROTATION);
    expect(lease.lost()).toBeNull();
    // Another machine decided this holder was gone and took the lock: a new owner, a new mtime.
    const newOwner = { pid: 4242, host: 'browser mode', machine: 'elsewhere', since: new Date().toISOString() };
    writeFileSync(join(dir, `${ROTATION}.owner.json`), JSON.stringify(newOwner));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, `${ROTATION}.lock`), later, later);
    await expect.poll(() => lease.lost(), { timeout: 5_000, interval: 50 }).toMatch(/another process took this rotation over \(process 4242 \(browser mode on elsewhere/);
    await lease.release();
    expect(JSON.parse(readFileSync(join(dir, `${ROTATION}.owner.json`), 'utf8'))).toEqual(newOwner);
    expect(existsSync(join(dir, `${ROTATION}.lock`))).toBe(true);
  });
});
