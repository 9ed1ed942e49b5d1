import type { Environment } from '../domain/model.js';
import type { Problem } from '../domain/problems/catalogue.js';
import type { ScanProblem } from '../domain/problems/scan.js';

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

/** A `.env`-style file that was not read, and why (a symbolic link, a FIFO, too large...). */
export interface SkippedFile {
  file: string;
  problem: ScanProblem;
}

/** What an import of a scan's findings did. */
export interface ImportOutcome {
  /** `refusedTargets`: files the key was found in that cannot be swap targets (a link, a hard link, read-only), with why. */
  imported: { ref: string; targets: number; refusedTargets: { file: string; problem: Problem }[] }[];
  skipped: { maskedKey: string; problem: Problem }[];
}
