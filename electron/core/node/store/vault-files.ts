import { closeSync, copyFileSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The files of a vault home that the metadata store owns, named in one place. */
export const VAULT_FILE = 'vault.json';
export const LAST_GOOD_FILE = 'vault.last-good.json';
export const LOCK_FILE = 'vault.lock';
/** The digest of the vault.json Keyturn last wrote after checking it: see checked-digest.ts. */
export const CHECKED_FILE = 'vault.checked.json';

/** conf writes through `atomically`, whose temporary files are `<file>.tmp-<10 digits><6 hex>`. */
const CONF_TEMP = /^vault\.json\.tmp-\d{10}[0-9a-f]{6}$/;
/** Ours, for the last-good copy. */
const LAST_GOOD_TEMP = /^vault\.last-good\.json\.tmp-\d+-[0-9a-f]+$/;
/** Ours, for vault-id.json (recover-id) and vault.checked.json: see writeFileAtomicSync. */
const IDENTITY_TEMP = /^vault-id\.json\.tmp-\d+-[0-9a-f]+$/;
const CHECKED_TEMP = /^vault\.checked\.json\.tmp-\d+-[0-9a-f]+$/;

/** Temporary files a killed write left behind. Call only while holding the vault lock: then no write is under way. */
export function removeStaleTempFiles(home: string): string[] {
  const stale = staleTempFiles(home);
  for (const name of stale) rmSync(join(home, name), { force: true });
  return stale;
}

export function staleTempFiles(home: string): string[] {
  try {
    return readdirSync(home).filter((name) => CONF_TEMP.test(name) || LAST_GOOD_TEMP.test(name) || IDENTITY_TEMP.test(name) || CHECKED_TEMP.test(name));
  } catch {
    return [];
  }
}

/**
 * Makes `to` a copy of `from`, atomically: a hard link when the file system has them (free, and right
 * because every write of vault.json is a rename, which leaves the linked old file as it was), else a copy.
 */
export function preserveCopy(from: string, to: string): void {
  const temp = tempNameFor(to);
  try {
    linkSync(from, temp);
  } catch {
    copyFileSync(from, temp);
  }
  try {
    renameSync(temp, to);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Replaces `path` with `text` atomically (temporary file beside it, fsync, rename). Not
 * write-file-atomic: it names its temporary file from `__filename`, which the ESM bundle of the CLI
 * does not define. The temporary file's name is one removeStaleTempFiles knows.
 */
export function writeFileAtomicSync(path: string, text: string, mode: number): void {
  const temp = tempNameFor(path);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function tempNameFor(path: string): string {
  return `${path}.tmp-${process.pid}-${Math.floor(Math.random() * 0xffffff).toString(16)}`;
}

