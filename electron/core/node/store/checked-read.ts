import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyRecord, VaultDocument } from '../../domain/model.js';
import { candidateRanges, describesBytes, readChecked } from './checked-index.js';
import { VaultIdentityError } from './home.js';
import { VAULT_FILE } from './vault-files.js';

/*
 * Reading one key of the vault.json the last write checked (see checked-index.ts), apart from the
 * metadata store: it needs no schema, so `keyturn key get` reads a secret without loading zod or
 * the store's writer. Anything it cannot vouch for is null, and the caller reads through the store,
 * which checks every record.
 */

/** The identity of one version of vault.json: every write is an atomic rename, so a new inode. */
export function stampOf(st: { ino: bigint; size: bigint; mtimeNs: bigint }): string {
  return `${st.ino}:${st.size}:${st.mtimeNs}`;
}

/** Freezes the document, its lists and their records: enough to make an accidental shared mutation throw. */
export function deepFreeze(doc: VaultDocument): VaultDocument {
  for (const list of [doc.instances, doc.keys, doc.customProviders]) {
    for (const item of list) Object.freeze(item);
    Object.freeze(list);
  }
  return Object.freeze(doc);
}

/** vault.json recording another vault id than vault-id.json: the two files come from different vaults. */
export function checkVaultIdentity(home: string, vaultId: string | undefined, doc: VaultDocument): void {
  if (doc.vaultId && vaultId && doc.vaultId !== vaultId) {
    throw new VaultIdentityError({ code: 'vault.identity-mismatch', vaultFile: join(home, VAULT_FILE), idFile: join(home, 'vault-id.json'), recordedId: doc.vaultId, fileId: vaultId });
  }
}

export interface CheckedRead {
  /** The document with, of its key records, only those a lookup of the ref can find (frozen). */
  doc: VaultDocument;
  /** The stamp of the file it was read from. */
  stamp: string;
  /** True when `cached` was that very file, and its document was returned. */
  fromCache: boolean;
}

/**
 * The document with, of its key records, only those a lookup of `ref` (a key id, or a reference
 * ending in the key's name) can find; every other part whole. Null when vault.json is not the
 * file the last write checked (or cannot be read here): then only a full read may answer.
 */
export function readCheckedForKey(home: string, ref: string, options: { vaultId?: string; cached?: { stamp: string; doc: VaultDocument } | null } = {}): CheckedRead | null {
  return readCheckedForKeys(home, [ref], options);
}

/**
 * readCheckedForKey for several refs at once (`keyturn run` with many references): the index and
 * the file are read once, and the document holds the records a lookup of any of them can find.
 */
export function readCheckedForKeys(home: string, refs: readonly string[], options: { vaultId?: string; cached?: { stamp: string; doc: VaultDocument } | null } = {}): CheckedRead | null {
  const checked = readChecked(home);
  if (!checked?.list) return null;
  let fd: number;
  try {
    fd = openSync(join(home, VAULT_FILE), 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    const stamp = stampOf(st);
    if (options.cached?.stamp === stamp) return { doc: options.cached.doc, stamp, fromCache: true };
    const size = Number(st.size);
    // The stamp says it is the same file; a file with another stamp (a copy of both) must have the same bytes.
    if (checked.stamp !== stamp && !describesBytes(checked, readFileSync(fd))) return null;
    const byStart = new Map<number, [number, number]>();
    for (const ref of refs) {
      const found = candidateRanges(checked, ref, size);
      if (!found) return null;
      for (const range of found) byStart.set(range[0], range);
    }
    const ranges = [...byStart.values()].sort((a, b) => a[0] - b[0]);
    const slice = (start: number, end: number) => {
      const buffer = Buffer.alloc(end - start);
      for (let done = 0; done < buffer.length; ) {
        const n = readSync(fd, buffer, done, buffer.length - done, start + done);
        if (n === 0) break;
        done += n;
      }
      return buffer.toString('utf8');
    };
    const [listStart, listEnd] = checked.list;
    const rest = JSON.parse(`${slice(0, listStart)}[]${slice(listEnd, size)}`) as VaultDocument;
    const doc = { ...rest, keys: ranges.map(([start, end]) => JSON.parse(slice(start, end)) as KeyRecord) };
    checkVaultIdentity(home, options.vaultId, doc);
    return { doc: deepFreeze(doc), stamp, fromCache: false };
  } catch (error) {
    if (error instanceof VaultIdentityError) throw error;
    return null;
  } finally {
    closeSync(fd);
  }
}
