import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_FILE, writeFileAtomicSync } from './vault-files.js';

/**
 * Which rules a recorded check vouches for. Raise it whenever a schema of the vault document
 * accepts less than before (a test pins it to the schemas, so a change cannot go unnoticed): a check
 * recorded under other rules is not trusted, and the file is checked record by record again.
 */
// 2: vault.json's auditLog (the audit log's length floor) is checked; under 1 any value passed.
// 3: a rotation step's and journal entry's problem (an object with a code) and problemContext (one
//    of its names) are checked; under 2 any value passed.
// 5: a key's referenceSites (places that name it by keyturn:// reference) are checked; under 4 any value passed.
// 6: a key's scanSites (places a scan found it in plain text) are checked; under 5 any value passed.
export const DOCUMENT_RULES_REVISION = 6;

/** Byte ranges in vault.json: the key list, and each key record with its id and name. */
export interface KeyIndex {
  list: [start: number, end: number];
  keys: { id: string; name: string; start: number; end: number }[];
}

/** The identity of one version of a file: every write of vault.json is a rename, so a new inode. */
export type FileStamp = string;

/*
 * Checking 10,000 records one by one, or even decoding and parsing all of them, costs more than a
 * `keyturn key get` may take. Every write of vault.json checks the whole document first, so Keyturn
 * records beside it (vault.checked.json) which file that was (its stamp and SHA-256) and where each
 * key record is in it: the same file is the file that was checked, and one record can be read from
 * it alone. Any other file (a hand edit, a restored copy, another version of Keyturn) is checked
 * record by record as before. Metadata only: ids, names and byte offsets, never a secret.
 *
 * Layout: one JSON line (rules, stamp, sha256, list), then one line per key record:
 * JSON(id) TAB JSON(name) TAB start TAB end. JSON strings hold no raw tab or newline, so a lookup is
 * a text search, without parsing 10,000 entries.
 */

/** JSON text of a document, and where in its bytes the key list and each key record are. */
export function serializeIndexed(value: Record<string, unknown>): { text: string; index: KeyIndex | null } {
  const parts: string[] = [];
  let bytes = 0;
  const push = (text: string) => {
    parts.push(text);
    bytes += Buffer.byteLength(text);
  };
  let index: KeyIndex | null = null;
  push('{');
  let first = true;
  for (const [name, field] of Object.entries(value)) {
    const json = JSON.stringify(field) as string | undefined;
    if (json === undefined) continue; // as JSON.stringify leaves out undefined fields
    push(`${first ? '' : ','}${JSON.stringify(name)}:`);
    first = false;
    if (name !== 'keys' || !Array.isArray(field)) {
      push(json);
      continue;
    }
    const start = bytes;
    const keys: KeyIndex['keys'] = [];
    push('[');
    field.forEach((record: unknown, i) => {
      if (i > 0) push(',');
      const at = bytes;
      push(JSON.stringify(record) ?? 'null');
      const { id, name: keyName } = (record ?? {}) as { id?: unknown; name?: unknown };
      keys.push({ id: typeof id === 'string' ? id : '', name: typeof keyName === 'string' ? keyName : '', start: at, end: bytes });
    });
    push(']');
    index = { list: [start, bytes], keys };
  }
  push('}');
  return { text: parts.join(''), index };
}

/** Records that this file (stamp, bytes) was checked whole; `index` only when it describes exactly these bytes. */
export function recordChecked(home: string, file: { stamp: FileStamp; bytes: Buffer }, index: KeyIndex | null): void {
  const header = JSON.stringify({ rules: DOCUMENT_RULES_REVISION, stamp: file.stamp, sha256: sha256(file.bytes), list: index?.list ?? null });
  const lines = index ? index.keys.map((k) => `\n${JSON.stringify(k.id)}\t${JSON.stringify(k.name)}\t${k.start}\t${k.end}`).join('') : '';
  try {
    writeFileAtomicSync(join(home, CHECKED_FILE), `${header}${lines}\n`, 0o600);
  } catch {
    // Only a shortcut for later reads: without it they check every record, as they always could.
  }
}

/** What vault.checked.json says, when it says it under these rules. */
export interface CheckedRecord {
  stamp: FileStamp;
  sha256: string;
  list: [number, number] | null;
  /** The index lines, searched as text. */
  lines: string;
}

export function readChecked(home: string): CheckedRecord | null {
  let text: string;
  try {
    text = readFileSync(join(home, CHECKED_FILE), 'utf8');
  } catch {
    return null;
  }
  const end = text.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(end === -1 ? text : text.slice(0, end));
  } catch {
    return null;
  }
  if (typeof header !== 'object' || header === null) return null;
  const { rules, stamp, sha256: digest, list } = header as Record<string, unknown>;
  if (rules !== DOCUMENT_RULES_REVISION || typeof stamp !== 'string' || typeof digest !== 'string') return null;
  const range = Array.isArray(list) && list.length === 2 && list.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) ? (list as [number, number]) : null;
  return { stamp, sha256: digest, list: range, lines: end === -1 ? '\n' : text.slice(end) };
}

/** Whether these bytes are the file the record describes. */
export function describesBytes(record: CheckedRecord | null, bytes: Buffer): boolean {
  return record !== null && record.sha256 === sha256(bytes);
}

/** The byte ranges of the key records a lookup of `ref` can find: id `ref`, or the name `ref` ends with. */
export function candidateRanges(record: CheckedRecord, ref: string, size: number): [number, number][] | null {
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  const starts = new Set<number>();
  for (const needle of [`\n${JSON.stringify(ref)}\t`, `\t${JSON.stringify(name)}\t`]) {
    for (let at = record.lines.indexOf(needle); at !== -1; at = record.lines.indexOf(needle, at + 1)) starts.add(record.lines.lastIndexOf('\n', at + (needle.startsWith('\n') ? 0 : -1)));
  }
  const ranges: [number, number][] = [];
  for (const lineStart of [...starts].sort((a, b) => a - b)) {
    const lineEnd = record.lines.indexOf('\n', lineStart + 1);
    const fields = record.lines.slice(lineStart + 1, lineEnd === -1 ? undefined : lineEnd).split('\t');
    const [start, end] = [Number(fields[2]), Number(fields[3])];
    if (fields.length !== 4 || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end || end > size) return null;
    ranges.push([start, end]);
  }
  return ranges;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
