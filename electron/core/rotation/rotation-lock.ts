import { UserInputError } from '../domain/errors.js';

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

/**
 * Another process runs this rotation right now. Nothing was done; the person waits for it (or
 * stops it). Bad input in the sense that matters: what was asked cannot be done now, and nothing changed.
 */
export class RotationHeldError extends UserInputError {
  constructor(
    message: string,
    readonly owner: RotationOwner | null,
  ) {
    super(message);
  }
}
