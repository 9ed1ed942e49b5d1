import type { VaultDocument } from '../domain/model.js';
import { isProblem } from '../domain/problems/problem-error.js';
import { lookupOf, tryParseReference } from '../references/reference.js';
import type { FoundReference } from '../references/record-sites.js';
import { findKey, keyRef } from '../vault/refs.js';
import type { ScanReference } from './finding.js';

/** The key a found reference names now, by its ref; null when it names nothing in this vault. Metadata only. */
export function keyRefOfReference(doc: VaultDocument, reference: string): string | null {
  const parsed = tryParseReference(reference);
  if (!parsed) return null;
  try {
    const { record, instance } = findKey(doc, lookupOf(parsed));
    return keyRef(instance, record);
  } catch (error) {
    if (isProblem(error) && error.kind === 'input') return null;
    throw error;
  }
}

/** What a scan shows of the references it found, in the order found. */
export function scanReferences(doc: VaultDocument, found: readonly FoundReference[]): ScanReference[] {
  return found.map((f) => ({ file: f.file, line: f.line, variable: f.variable ?? null, reference: f.reference, keyRef: keyRefOfReference(doc, f.reference) }));
}
