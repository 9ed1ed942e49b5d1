import type { ReferenceSite, VaultDocument } from '../domain/model.js';
import { isProblem } from '../domain/problems/problem-error.js';
import { findKey } from '../vault/refs.js';
import { lookupOf, tryParseReference } from './reference.js';
import { withReferenceSites } from './sites.js';

/** A `keyturn://` reference a scan found in a file. */
export interface FoundReference {
  file: string;
  line: number;
  reference: string;
  /** The variable it fills, in a dotenv file. */
  variable?: string;
}

export interface RecordedSites {
  /** The same document (===) when no key's sites changed: then there is nothing to write. */
  doc: VaultDocument;
  /** How many sites each key now has from these files, by key id. */
  recorded: { keyId: string; file: string; line: number; reference: string }[];
  /** References that name nothing in this vault (a typo, another vault's key): reported, recorded nowhere. */
  unresolved: FoundReference[];
}

/**
 * The document with the sites a scan found: every site in a file the scan read is replaced by what
 * it found there now (a reference removed from a file is no longer a site; files not read keep
 * theirs). A reference by name is recorded on the key that holds the name now, whatever its state,
 * so a revoked key's remaining sites still show. Metadata only: no keychain.
 */
export function recordReferenceSites(doc: VaultDocument, scannedFiles: readonly string[], found: readonly FoundReference[], at: Date): RecordedSites {
  const scanned = new Set(scannedFiles);
  const seenAt = at.toISOString();
  const added = new Map<string, ReferenceSite[]>();
  const recorded: RecordedSites['recorded'] = [];
  const unresolved: FoundReference[] = [];
  for (const f of found) {
    const parsed = tryParseReference(f.reference);
    if (!parsed) {
      unresolved.push(f);
      continue;
    }
    let keyId: string;
    try {
      keyId = findKey(doc, lookupOf(parsed)).record.id;
    } catch (error) {
      if (isProblem(error) && error.kind === 'input') {
        unresolved.push(f);
        continue;
      }
      throw error;
    }
    const site: ReferenceSite = { file: f.file, line: f.line, by: parsed.by, seenAt, ...(f.variable ? { variable: f.variable } : {}) };
    added.set(keyId, [...(added.get(keyId) ?? []), site]);
    recorded.push({ keyId, file: f.file, line: f.line, reference: f.reference });
  }
  let changed = false;
  const keys = doc.keys.map((k) => {
    const kept = (k.referenceSites ?? []).filter((s) => !scanned.has(s.file));
    const sites = [...kept, ...(added.get(k.id) ?? [])];
    const before = k.referenceSites ?? [];
    if (sites.length === before.length && sites.every((s, i) => s === before[i])) return k;
    changed = true;
    return withReferenceSites(k, sites);
  });
  return { doc: changed ? { ...doc, keys } : doc, recorded, unresolved };
}
