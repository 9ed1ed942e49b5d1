import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_FILE, writeFileAtomicSync } from './vault-files.js';

/**
 * Which rules a recorded digest vouches for. Raise it whenever a schema of the vault document
 * accepts less than before (a test pins it to the schemas, so a change cannot go unnoticed): a digest
 * recorded under other rules is not trusted, and the file is checked record by record again.
 */
export const DOCUMENT_RULES_REVISION = 1;

/** Where the key list and each key record (id, name, byte range) are in the bytes of vault.json. */
export interface KeyIndex {
  list: [start: number, end: number];
  keys: [id: string, name: string, start: number, end: number][];
}

/**
 * Checking 10,000 records one by one, or even decoding and parsing all of them, costs more than a
 * `keyturn key get` may take. Every write of vault.json checks the whole document first, so Keyturn
 * records beside it (vault.checked.json) the SHA-256 of the bytes it wrote and where each key record
 * is in them: a file with the same bytes is the file that was checked, and one record can be read
 * from it alone. Any other file (a hand edit, a restored copy, another version of Keyturn) is checked
 * record by record as before. Metadata only: ids, names and byte offsets, never a secret.
 */
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
      const at = bytes + (i > 0 ? 1 : 0);
      push(`${i > 0 ? ',' : ''}${JSON.stringify(record) ?? 'null'}`);
      const { id, name: keyName } = (record ?? {}) as { id?: unknown; name?: unknown };
      keys.push([typeof id === 'string' ? id : '', typeof keyName === 'string' ? keyName : '', at, bytes]);
    });
    push(']');
    index = { list: [start, bytes], keys };
  }
  push('}');
  return { text: parts.join(''), index };
}

/** Records that these bytes were checked whole; `index` only when it describes exactly these bytes. */
export function recordChecked(home: string, bytes: Buffer, index: KeyIndex | null): void {
  try {
    writeFileAtomicSync(join(home, CHECKED_FILE), JSON.stringify({ rules: DOCUMENT_RULES_REVISION, sha256: sha256(bytes), index }), 0o600);
  } catch {
    // Only a shortcut for later reads: without it they check every record, as they always could.
  }
}

/** Whether these are exactly the bytes Keyturn last wrote and checked under these rules; their key index when there is one. */
export function checkedState(home: string, bytes: Buffer): { checked: false } | { checked: true; index: KeyIndex | null } {
  let recorded: unknown;
  try {
    recorded = JSON.parse(readFileSync(join(home, CHECKED_FILE), 'utf8'));
  } catch {
    return { checked: false };
  }
  if (typeof recorded !== 'object' || recorded === null) return { checked: false };
  const { rules, sha256: digest, index } = recorded as Record<string, unknown>;
  if (rules !== DOCUMENT_RULES_REVISION || typeof digest !== 'string' || digest !== sha256(bytes)) return { checked: false };
  return { checked: true, index: isKeyIndex(index, bytes.length) ? index : null };
}

function isKeyIndex(value: unknown, size: number): value is KeyIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { list, keys } = value as Record<string, unknown>;
  const inRange = (start: unknown, end: unknown) => Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= size;
  return Array.isArray(list) && inRange(list[0], list[1]) && Array.isArray(keys) && keys.every((k) => Array.isArray(k) && typeof k[0] === 'string' && typeof k[1] === 'string' && inRange(k[2], k[3]));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
