import type { ReferenceUse } from '../references/resolve.js';
import type { NewTargetOf, TargetKind, TargetOf } from './kinds.js';

/** A key a reference names, as a swap sees it; its secret is read only when asked for. */
export interface SwapReferencedKey {
  keyId: string;
  secret(): Promise<string>;
}

/** The keys a swap moves between: the old one (null when the keychain lost it) and the new one. */
export interface SwapKeys {
  oldSecret: string | null;
  newSecret: string;
  /**
   * The key whose place is swapped (the rotation's old key). A rendered target's reference that
   * resolves to it (by its name, or by the id of either key of the rotation) stands for the secret
   * moved in: `newSecret`, where `oldSecret` was.
   */
  keyId: string;
  /**
   * The key a reference names in the vault now (`keyId` for either key of the rotation), for the
   * other references of a rendered target; throws the reference's problem (malformed, missing, not
   * usable) naming `use` (the template's file and line).
   */
  resolveReference(reference: string, use?: ReferenceUse): Promise<SwapReferencedKey>;
}

/** The key a target is added to: a kind whose target names it (an inject template references it) checks that it does. */
export interface TargetKey {
  keyId: string;
  /** The key's ref, for a refusal. */
  ref: string;
  /** The id of the key a reference names in this vault now; throws the reference's problem (naming `use`). */
  keyIdOf(reference: string, use: ReferenceUse): string;
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
  /** Checks what a person gave (for the key `key`) and gives it an id; throws the problem (nothing is added). */
  make(input: NewTargetOf<K>, id: string, cwd: string, key?: TargetKey): Promise<TargetOf<K>>;
  /** Whether the two write the same place (the second is refused as a duplicate). */
  sameAs(a: TargetOf<K>, b: TargetOf<K>): boolean;
  /** Why it cannot take the new key now (the checks its write makes, without writing), or null. */
  check(target: TargetOf<K>, keys: SwapKeys): Promise<string | null>;
  /** Writes the new key; never throws (a failure is an outcome, journaled). */
  write(target: TargetOf<K>, swap: SwapWrite): Promise<SwapOutcome>;
}
