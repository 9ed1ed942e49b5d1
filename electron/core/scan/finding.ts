import type { Environment } from '../domain/model.js';
import type { Problem } from '../domain/problems/catalogue.js';
import type { ScanProblem } from '../domain/problems/scan.js';
import type { FoundReference } from '../references/record-sites.js';

/** A provider-shaped key found in a `.env`-style file by a scan. */
export interface Finding {
  file: string;
  variable: string;
  line: number;
  providerId: string;
  environment: Environment | null;
  org: string | null;
  maskedKey: string;
  fingerprint: string;
  /** Kept in memory for an import; never shown: use toDisplay(). */
  secret: string;
}

export type DisplayedFinding = Omit<Finding, 'secret'>;

export function toDisplay({ secret: _secret, ...shown }: Finding): DisplayedFinding {
  return shown;
}

/** What a folder scan found: keys, references (each a usage site of its key), and the files it read. */
export interface FolderScan {
  findings: Finding[];
  references: FoundReference[];
  /** Every file read whole: its recorded reference sites are replaced by what was found in it now. */
  scannedFiles: string[];
}

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
