import { randomBytes } from 'node:crypto';
import { recordReferenceSites, type FoundReference } from '../../references/record-sites.js';
import type { Classified } from '../../scan/import-plan.js';
import { classifyFindings } from '../../scan/import-plan.js';
import type { ImportOutcome, LeakScan, ScanReference } from '../../scan/finding.js';
import { scanReferences } from '../../scan/reference-views.js';
import type { Vault } from '../vault/vault.js';
import { importFindings } from './import-findings.js';
import { scanFolder, type ScanOptions } from './scan-folder.js';
import { matcherInputOf } from '../../scan/key-matcher.js';
import { recordScanSites } from '../../scan/scan-sites.js';
import type { Problem } from '../../domain/problems/catalogue.js';
import { isProblem } from '../../domain/problems/problem-error.js';

export interface ScanAndRecordOptions extends Omit<ScanOptions, 'matcher'> {
  /** Add the keys the vault lacks. */
  import?: boolean;
  /** With `import`: rewrite each imported plaintext value as the key's reference (see importFindings). */
  replaceWithReferences?: boolean;
  /** Where a relative target path would be taken from (the scan's own paths are full). */
  cwd: string;
  /** The scan's time, for its backup names. */
  now: Date;
}

export interface ScanAndRecordOutcome extends ImportOutcome {
  /** The scan itself (its findings' vault matches as they were before the import). */
  scan: LeakScan;
  classified: Classified[];
  /** Every reference in the files read (those the rewrite made included), each now a site of the key it names. */
  references: ScanReference[];
  /** Whether the vault was written: keys imported or sites recorded. */
  vaultChanged: boolean;
  /**
   * Why the sites found were not recorded (a keychain that is locked or out of reach: every write
   * asks it first), or null. The scan's report stands without them.
   */
  unrecorded: Problem | null;
}

/**
 * Records sites on the vault's keys, unless the keychain every write asks first is locked or out
 * of reach (an SSH session, a CI runner): then the scan still reports what it found, and says the
 * places were not recorded. Any other failure is thrown.
 */
export async function recordUnlessKeychainAway(write: () => Promise<unknown>): Promise<Problem | null> {
  try {
    await write();
    return null;
  } catch (error) {
    if (isProblem(error, 'keychain.unavailable') || isProblem(error, 'keychain.locked')) return error.problem;
    throw error;
  }
}

/**
 * A folder scan, its import when asked, and what it found recorded on the keys: the reference sites
 * (usage) and the places a vault key is in plain text (scan sites, leaks), in each case replacing the
 * sites in the files read by what is there now (metadata only). Nothing is written to the vault when
 * nothing changed: a scan of files without references or vault keys stays a read.
 */
export async function scanAndRecord(vault: Vault, dir: string, options: ScanAndRecordOptions): Promise<ScanAndRecordOutcome> {
  const scan = await scanFolder(dir, { ...options, matcher: matcherInputOf(vault.read()) });
  const { findings, references, scannedFiles } = scan;
  const classified = classifyFindings(findings, vault.read());
  const replace = options.import && options.replaceWithReferences ? { backupTag: backupTagAt(options.now) } : undefined;
  const outcome: ImportOutcome = options.import ? await importFindings(vault, classified, options.cwd, replace ? { replaceWithReferences: replace } : {}) : { imported: [], skipped: [] };
  const written: FoundReference[] = outcome.imported.flatMap((i) =>
    (i.replaced ?? []).flatMap((r) => r.lines.map((line) => ({ file: r.file, line, reference: r.reference, variable: r.variable }))),
  );
  const found = [...references, ...written].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  // Asked first on what the vault holds now: a write checks the keychain, and a scan with nothing to record needs none.
  const before = vault.read();
  const sitesChange = recordReferenceSites(before, scannedFiles, found, options.now).doc !== before;
  // The keys themselves, where they are still in plain text: a line this scan rewrote as a reference no longer holds one.
  const rewritten = new Set(written.map((w) => lineKey(w.file, w.line)));
  const leaks = { ...scan, findings: findings.filter((f) => !rewritten.has(lineKey(f.file, f.line))) };
  const leaksChange = recordScanSites(before, leaks, options.now).doc !== before;
  const unrecorded =
    sitesChange || leaksChange
      ? await recordUnlessKeychainAway(async () => {
          if (sitesChange) await vault.recordReferenceSites(scannedFiles, found);
          if (leaksChange) await vault.recordScanSites(leaks);
        })
      : null;
  const recorded = unrecorded === null && (sitesChange || leaksChange);
  return { ...outcome, scan, classified, references: scanReferences(vault.read(), found), vaultChanged: recorded || outcome.imported.length > 0, unrecorded };
}

function lineKey(file: string, line: number): string {
  return `${line}:${file}`;
}

/** Unique per scan: a second scan of a file in the same second keeps the first one's backup. */
function backupTagAt(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}
