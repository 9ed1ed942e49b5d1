import type { ScanReferenceView } from '../../../../electron/contract/views.js';
import { siteWhere, sortedSites } from '../references/site-text.js';

/** One row of the scan's references table: where, the variable it fills, and the key it names (null: none in this vault). */
export interface ScanReferenceRow {
  id: string;
  where: string;
  /** null: not in a dotenv assignment. */
  variable: string | null;
  keyRef: string | null;
  reference: string;
}

/** The references a scan found, as rows, by file and line. */
export function scanReferenceRows(references: readonly ScanReferenceView[]): ScanReferenceRow[] {
  return sortedSites(references).map((r) => ({ id: `${r.file}:${r.line}:${r.reference}`, where: siteWhere(r), variable: r.variable, keyRef: r.keyRef, reference: r.reference }));
}

/** Above the table: what recording them means, and how many name nothing here. */
export function scanReferencesNote(references: readonly ScanReferenceView[]): string {
  const unnamed = references.filter((r) => r.keyRef === null).length;
  const recorded = 'Recorded as where each key is used: nothing is written there in a rotation.';
  if (unnamed === 0) return recorded;
  return `${recorded} ${unnamed} ${unnamed === 1 ? 'names' : 'name'} no key of this vault: check ${unnamed === 1 ? 'it' : 'them'} for a typo.`;
}

export function scanReferencesHeading(count: number): string {
  return `${count} reference${count === 1 ? '' : 's'} found`;
}
