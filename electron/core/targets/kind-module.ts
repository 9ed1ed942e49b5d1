import type { NewTargetOf, TargetKind, TargetOf } from './kinds.js';

/** The keys a swap moves between: the old one (null when the keychain lost it) and the new one. */
export interface SwapKeys {
  oldSecret: string | null;
  newSecret: string;
}

/** What a write may need of the rotation: backups of what it replaces, under the rotation's own name. */
export interface SwapWrite extends SwapKeys {
  /** This rotation's backups carry it: another rotation's are neither replaced nor removed. */
  backupTag: string;
  /** Whether this rotation already made `path` (a second target in one file, a resume): then it is kept as it is. */
  hasBackup(path: string): boolean;
  /** Journals a backup once it is durable, before the file itself is replaced. */
  onBackup(path: string): Promise<void>;
}

/** How one target's write ended, in the journal's words (no secret, no flag). */
export interface SwapOutcome {
  ok: boolean;
  detail: string;
}

/**
 * A swap-target kind: how a target of it is made from what a person gave, and how the swap checks
 * and writes it. Its pure part (schema, input, description) is its definition in kinds.ts.
 */
export interface TargetKindModule<K extends TargetKind> {
  /** Checks what a person gave and gives it an id; throws the problem (nothing is added). */
  make(input: NewTargetOf<K>, id: string, cwd: string): Promise<TargetOf<K>>;
  /** Whether the two write the same place (the second is refused as a duplicate). */
  sameAs(a: TargetOf<K>, b: TargetOf<K>): boolean;
  /** Why it cannot take the new key now (the checks its write makes, without writing), or null. */
  check(target: TargetOf<K>, keys: SwapKeys): Promise<string | null>;
  /** Writes the new key; never throws (a failure is an outcome, journaled). */
  write(target: TargetOf<K>, swap: SwapWrite): Promise<SwapOutcome>;
}
