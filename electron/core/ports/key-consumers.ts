/**
 * The processes that hold secrets of this vault right now: each `keyturn run` while its command
 * runs. A reference resolves when a process starts, so a process started just before a rotation
 * moved the name still holds the old key: the rotation waits for those before it revokes it.
 */
export interface KeyConsumers {
  /** The live processes that hold this key, or may (still resolving their references). */
  holding(keyId: string): Promise<ConsumerLease[]>;
}

export interface ConsumerLease {
  pid: number;
  /** The program it runs (its name only: arguments may carry anything). */
  program: string;
  startedAt: string;
  /** The keys it resolved; null while it is still resolving (it may be about to take the old key). */
  keyIds: readonly string[] | null;
}
