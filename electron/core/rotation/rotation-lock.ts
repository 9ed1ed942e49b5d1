import type { ParamsOf, ProblemOf } from '../domain/problems/catalogue.js';
import { ProblemError } from '../domain/problems/problem-error.js';

/** Who runs a rotation: recorded next to its lock, shown to anyone who finds it taken. */
export interface RotationOwner {
  pid: number;
  /** Which Keyturn: "the keyturn CLI", "the desktop app", "browser mode". */
  host: string;
  /** The machine's name: a process id means something only on its own machine. */
  machine: string;
  /** When the owner took the rotation (ISO time). */
  since: string;
}

/** A rotation owned by this process until released. */
export interface RotationLease {
  /**
   * Null while the lease holds; the reason once another process took the rotation over (this
   * process looked dead to it): the engine then stops at the next step boundary.
   */
  lost(): string | null;
  release(): Promise<void>;
}

/**
 * One owner per rotation, across processes: the CLI, the desktop app and browser mode all run
 * rotations, and two of them running the same steps create two keys. An owner that died (a crash,
 * SIGKILL) never blocks the rotation: its lock is taken over.
 */
export interface RotationLocks {
  /** Takes the rotation for this process; throws RotationHeldError when another live owner has it. */
  acquire(rotationId: string): Promise<RotationLease>;
  /** The live owner of a rotation, if any (a dead owner's leftover lock counts as none). */
  holder(rotationId: string): RotationOwner | null;
}

/** "process 1234 (the keyturn CLI on build-box, since 2026-12-01 10:14:03 UTC)" */
export function describeOwner(owner: RotationOwner): string {
  const since = owner.since.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  if (owner.pid === 0) return `another Keyturn process (it left no owner record; its lock was refreshed at ${since})`;
  return `process ${owner.pid} (${owner.host} on ${owner.machine}, since ${since})`;
}

/** An owner as a problem's parameters carry it (none when unknown): each host describes it. */
export function ownerParams(owner: RotationOwner | null): Pick<ParamsOf<'rotation.held'>, 'pid' | 'host' | 'machine' | 'since'> {
  return owner ? { pid: owner.pid, host: owner.host, machine: owner.machine, since: owner.since } : {};
}

/** The problems a rotation held elsewhere is reported with (kind `busy`). */
export type RotationHeldProblem = ProblemOf<'rotation.held' | 'rotation.already-running' | 'rotation.taken-over'>;

/**
 * Another process runs this rotation right now. Nothing was done; the person waits for it (or
 * stops it): the problem is `busy`, and `owner` rides along for the engine, which names the key.
 */
export class RotationHeldError extends ProblemError {
  constructor(
    held: RotationHeldProblem,
    readonly owner: RotationOwner | null,
  ) {
    super(held);
  }
}
