import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ConsumerLease, KeyConsumers } from '../../ports/key-consumers.js';

/*
 * Leases in the vault home (`runs/<pid>.<random>.json`), one per `keyturn run` while its command
 * runs: which keys it handed out. Written by hand with node:fs because they are tiny files read
 * by pid: the name carries the pid, so a lease of a process that died (SIGKILL) is known to be
 * stale without reading it, and is removed by the next reader.
 */

const FOLDER = 'runs';

interface StoredLease {
  program: string;
  startedAt: string;
  keyIds: string[] | null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists and belongs to someone else; only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run's lease: opened before it reads any key, told the keys it resolved, closed once its command has exited. */
export interface RunLease {
  resolved(keyIds: readonly string[]): void;
  close(): void;
}

/**
 * Opens a lease for this process, before it looks up any reference: a rotation that moves a name
 * after this point sees the lease (keys not yet known) and waits for it. A lease that cannot be
 * written (a read-only home) does not stop the run: the rotation then cannot wait for it.
 */
export function openRunLease(home: string, program: string, now: Date = new Date()): RunLease {
  const folder = join(home, FOLDER);
  const file = join(folder, `${process.pid}.${randomBytes(4).toString('hex')}.json`);
  const write = (lease: StoredLease) => {
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(lease), { mode: 0o600 });
      renameSync(temp, file);
    } catch {
      // See above: a lease is a courtesy to a rotation, never a reason not to run.
    }
  };
  const base = { program: basename(program), startedAt: now.toISOString() };
  write({ ...base, keyIds: null });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    rmSync(file, { force: true });
    process.off('exit', close);
  };
  // The last way out: a lease must not outlive its process by more than the next reader's check.
  process.on('exit', close);
  return { resolved: (keyIds) => write({ ...base, keyIds: [...keyIds] }), close };
}

/** Every live lease of a vault home; leases of processes that are gone are removed. */
export function liveLeases(home: string): ConsumerLease[] {
  const folder = join(home, FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const leases: ConsumerLease[] = [];
  for (const name of names) {
    const match = /^(\d+)\.[0-9a-f]+\.json$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (!alive(pid)) {
      rmSync(join(folder, name), { force: true });
      continue;
    }
    leases.push({ pid, ...readLease(join(folder, name)) });
  }
  return leases;
}

/** A lease as written; one that cannot be read (being replaced right now) counts as still resolving. */
function readLease(file: string): StoredLease {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object') {
      const { program, startedAt, keyIds } = parsed as Record<string, unknown>;
      return {
        program: typeof program === 'string' ? program : 'a command',
        startedAt: typeof startedAt === 'string' ? startedAt : '',
        keyIds: Array.isArray(keyIds) && keyIds.every((k) => typeof k === 'string') ? keyIds : null,
      };
    }
  } catch {
    // fall through
  }
  return { program: 'a command', startedAt: '', keyIds: null };
}

/** The port over a vault home's leases. */
export class FileKeyConsumers implements KeyConsumers {
  constructor(private readonly home: string) {}

  async holding(keyId: string): Promise<ConsumerLease[]> {
    return liveLeases(this.home).filter((l) => l.pid !== process.pid && (l.keyIds === null || l.keyIds.includes(keyId)));
  }
}
