import { randomBytes } from 'node:crypto';
import { recordReferenceSites, type FoundReference } from '../../references/record-sites.js';
import type { Classified } from '../../scan/import-plan.js';
import { classifyFindings } from '../../scan/import-plan.js';
import type { FolderScan, ImportOutcome, ScanReference } from '../../scan/finding.js';
import { scanReferences } from '../../scan/reference-views.js';
import type { Vault } from '../vault/vault.js';
import { importFindings } from './import-findings.js';
import { scanFolder, type ScanOptions } from './scan-folder.js';
import { matcherInputOf } from '../../scan/key-matcher.js';

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
  /** The tree scan itself, as read before the import (for its scan sites and its audit entry). */
  scan: FolderScan;
  classified: Classified[];
  /** Every reference in the files read (those the rewrite made included), each now a site of the key it names. */
  references: ScanReference[];
  /** Whether the vault was written: keys imported or sites recorded. */
  vaultChanged: boolean;
}

/**
 * A folder scan, its import when asked, and the reference sites it found recorded on their keys
 * (sites in the files read are replaced by what is there now; metadata only). Nothing is written to
 * the vault when nothing changed: a scan of files without references stays a read.
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
  if (sitesChange) await vault.recordReferenceSites(scannedFiles, found);
  return { ...outcome, scan, classified, references: scanReferences(vault.read(), found), vaultChanged: sitesChange || outcome.imported.length > 0 };
}

/** Unique per scan: a second scan of a file in the same second keeps the first one's backup. */
function backupTagAt(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}
