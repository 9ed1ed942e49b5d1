import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import * as z from 'zod';
import { problem } from '../../domain/problems/problem-error.js';
import { RotationHeldError, describeOwner, ownerParams, type RotationLease, type RotationLocks, type RotationOwner } from '../../rotation/rotation-lock.js';

const ownerSchema = z.object({ pid: z.number().int().positive(), host: z.string(), machine: z.string(), since: z.string() });

export interface FileRotationLocksOptions {
  /** Which Keyturn this process is, for the owner record ("the keyturn CLI"). */
  host: string;
  /**
   * After how long without a refresh a lock counts as abandoned, whoever it names (a live pid on
   * this machine may have been reused). The holder refreshes it every stale/4.
   */
  staleMs?: number;
  machine?: string;
  pid?: number;
  now?: () => Date;
}

/**
 * Rotation locks as files in the vault home (`rotation-locks/<id>.lock`, proper-lockfile's
 * mtime-refreshed lock directory, and `<id>.owner.json` beside it).
 *
 * An owner on this machine whose process is gone (SIGKILL, a crash) is taken over at once. Any
 * lock not refreshed for `staleMs` is taken over too: an owner on another machine cannot be
 * checked, and one here whose pid is alive may be another process that reused the dead owner's
 * pid. A holder that lost its lock this way notices at its next step boundary. Taking, taking over and
 * releasing happen under one short guard lock, so two processes that both find an abandoned lock
 * cannot both take it, and a release never removes the owner record of the next holder.
 */
export class FileRotationLocks implements RotationLocks {
  readonly #dir: string;
  readonly #host: string;
  readonly #staleMs: number;
  readonly #machine: string;
  readonly #pid: number;
  readonly #now: () => Date;

  constructor(home: string, options: FileRotationLocksOptions) {
    this.#dir = join(home, 'rotation-locks');
    this.#host = options.host;
    this.#staleMs = options.staleMs ?? 30_000;
    this.#machine = options.machine ?? hostname();
    this.#pid = options.pid ?? process.pid;
    this.#now = options.now ?? (() => new Date());
  }

  async acquire(rotationId: string): Promise<RotationLease> {
    const file = this.#file(rotationId);
    let lostReason: string | null = null;
    const release = await this.#guarded(async () => {
      const held = this.holder(rotationId);
      if (held) throw new RotationHeldError(problem('rotation.held', ownerParams(held)), held);
      // Whatever is left is abandoned: a dead owner's lock, or one not refreshed within staleMs.
      if (existsSync(this.#lockPath(rotationId))) rmSync(this.#lockPath(rotationId), { recursive: true, force: true });
      const unlock = await lockfile.lock(file, {
        lockfilePath: this.#lockPath(rotationId),
        realpath: false,
        stale: this.#staleMs,
        update: Math.max(250, Math.floor(this.#staleMs / 4)),
        retries: 0,
        onCompromised: () => {
          const now = this.holder(rotationId);
          lostReason = `another process took this rotation over${now ? ` (${describeOwner(now)})` : ''} after this one stopped answering`;
        },
      });
      const owner: RotationOwner = { pid: this.#pid, host: this.#host, machine: this.#machine, since: this.#now().toISOString() };
      writeFileSync(this.#ownerPath(rotationId), `${JSON.stringify(owner)}\n`, { mode: 0o600 });
      return unlock;
    });
    let released = false;
    return {
      lost: () => lostReason,
      release: async () => {
        if (released) return;
        released = true;
        await this.#guarded(async () => {
          if (lostReason) return; // the lock and the owner record are the new holder's now
          rmSync(this.#ownerPath(rotationId), { force: true });
          await release().catch(() => undefined);
        });
      },
    };
  }

  holder(rotationId: string): RotationOwner | null {
    let lockStat;
    try {
      lockStat = statSync(this.#lockPath(rotationId));
    } catch {
      return null;
    }
    const owner = this.#readOwner(rotationId);
    const fresh = lockStat.mtime.getTime() >= this.#now().getTime() - this.#staleMs;
    // A holder refreshes its lock every staleMs/4: a lock left unrefreshed is abandoned, whoever it names.
    if (!fresh) return null;
    if (!owner) return { pid: 0, host: 'another Keyturn process', machine: 'an unknown machine', since: lockStat.mtime.toISOString() };
    // On this machine a gone process is known at once. A live pid alone proves nothing (pids are
    // reused), so it holds only while its lock is also fresh (above).
    if (owner.machine === this.#machine && !processAlive(owner.pid)) return null;
    return owner;
  }

  #readOwner(rotationId: string): RotationOwner | null {
    try {
      const parsed = ownerSchema.safeParse(JSON.parse(readFileSync(this.#ownerPath(rotationId), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async #guarded<T>(action: () => Promise<T>): Promise<T> {
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const release = await lockfile.lock(this.#dir, {
      lockfilePath: join(this.#dir, 'guard.lock'),
      realpath: false,
      stale: 10_000,
      retries: { retries: 100, minTimeout: 10, maxTimeout: 200, factor: 1.5 },
    });
    try {
      return await action();
    } finally {
      await release();
    }
  }

  #file(rotationId: string): string {
    return join(this.#dir, safeName(rotationId));
  }

  #lockPath(rotationId: string): string {
    return `${this.#file(rotationId)}.lock`;
  }

  #ownerPath(rotationId: string): string {
    return `${this.#file(rotationId)}.owner.json`;
  }
}

/** Rotation ids are UUIDs; anything else is kept to a file name's safe characters. */
function safeName(rotationId: string): string {
  return rotationId.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Signal 0 checks a process exists without touching it; EPERM means it exists under another user. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
