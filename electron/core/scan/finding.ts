import type { Environment } from '../domain/model.js';
import type { VaultMatch } from './key-matcher.js';
import type { Problem } from '../domain/problems/catalogue.js';
import type { ScanProblem } from '../domain/problems/scan.js';
import type { FoundReference } from '../references/record-sites.js';

/** Where in git history a finding was added. */
export interface CommitInfo {
  sha: string;
  /** The commit's author date (ISO 8601, as git gives it). */
  authorDate: string;
  /** Whether the file at HEAD still holds this key (false: it was removed since, yet it leaked). */
  atHead: boolean;
}

/**
 * A key a scan found (a provider-shaped string its profile accepts, or a vault key by fingerprint
 * whatever its shape): where, whose, and the vault's match. Never the secret but in memory.
 */
export interface Finding {
  /** The file's full path (for history: where it is under the repository's root). */
  file: string;
  /** The path relative to the scan's root, with `/`: what a baseline and SARIF name. */
  path: string;
  line: number;
  column: number;
  /** The variable it is assigned to in a `.env`-style file (a swap target for an import); null elsewhere. */
  variable: string | null;
  /** The provider whose rule and format it fits; null for a vault key of no known shape. */
  providerId: string | null;
  environment: Environment | null;
  org: string | null;
  maskedKey: string;
  fingerprint: string;
  /** The vault key it is, or null: not in the vault. */
  match: VaultMatch | null;
  /** For a history scan: the commit that added it. */
  commit: CommitInfo | null;
  /** Kept in memory for an import or --verify; never shown: use toDisplay(). */
  secret: string;
}

export type DisplayedFinding = Omit<Finding, 'secret'>;

export function toDisplay({ secret: _secret, ...shown }: Finding): DisplayedFinding {
  return shown;
}

export type ScanKind = 'tree' | 'history' | 'staged' | 'pushed';

/** What a scan found: keys, references (each a usage site of its key), and what it read. */
export interface LeakScan {
  kind: ScanKind;
  /** The folder scanned, or the repository's top folder. */
  root: string;
  findings: Finding[];
  /** `keyturn://` references found (a tree scan only). */
  references: FoundReference[];
  /** Every file read whole (a tree scan): its recorded sites are replaced by what was found in it now. */
  scannedFiles: string[];
  /** How much was read: files (tree, staged) and commits (history, pushed). */
  counts: { files: number; commits: number };
}

/** A tree scan, as the import and the sites it records read it. */
export type FolderScan = LeakScan;

/** A `.env`-style file that was not read, and why (a symbolic link, a FIFO, too large...). */
export interface SkippedFile {
  file: string;
  problem: ScanProblem;
}

/** A plaintext value a scan rewrote as its key's `keyturn://` reference. */
export interface ReplacedValue {
  file: string;
  variable: string;
  /** The lines that set the variable (each is now a reference site). */
  lines: number[];
  reference: string;
  /** The file as it was before this scan rewrote it, kept next to it (0600: it holds the plaintext key). */
  backupPath: string;
}

/** What an import of a scan's findings did. */
export interface ImportOutcome {
  /**
   * `refusedTargets`: files the key was found in that cannot be swap targets (a link, a hard link,
   * read-only), with why. With values replaced by references: `replaced`, the files rewritten (sites,
   * not swap targets), and `notReplaced`, those left as they were, with why.
   */
  imported: { ref: string; targets: number; refusedTargets: { file: string; problem: Problem }[]; replaced?: ReplacedValue[]; notReplaced?: { file: string; problem: Problem }[] }[];
  skipped: { maskedKey: string; problem: Problem }[];
}

/** A `keyturn://` reference a scan found, and the key it names now (`keyRef` null: nothing in this vault). */
export interface ScanReference {
  file: string;
  line: number;
  variable: string | null;
  reference: string;
  keyRef: string | null;
}
