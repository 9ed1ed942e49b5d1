import { createHash, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chown, lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { problem } from '../../../../domain/problems/problem-error.js';
import { readCheckedFile, refused, requireWritableDotenv, sameFile } from './file-checks.js';
import { readDotenvValue, replaceDotenvValue } from '../../../../targets/kinds/dotenv/text.js';
import { syncFolderOf } from '../../../fs/sync-folder.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface DotenvTargetFile {
  file: string;
  /** Where the file must lead (the link's target the person accepted); the file itself by default. */
  expectedResolved?: string;
}

/** Reads a target's variable after every check (regular file, one name, writable, still leading where it led). */
export async function readDotenvTarget(file: string, variable: string, expectedResolved = file): Promise<{ value: string | null; sha256: string; resolved: string }> {
  const { resolved, stats } = await requireWritableDotenv(file, expectedResolved);
  const text = await readCheckedFile(resolved, stats);
  return { value: readDotenvValue(text, variable), sha256: sha256(text), resolved };
}

export interface DotenvWrite extends DotenvTargetFile {
  variable: string;
  value: string;
  /** The target was added with leave to append the variable: a missing one may be appended. */
  createVariable?: boolean;
  /** The hash of the content the caller read; the write is refused if the file no longer has it. */
  expectedSha256?: string;
  /**
   * Keep the content before this write as `<file>.keyturn-backup-<tag>`; the tag (the rotation's)
   * keeps two rotations that write one file at once from replacing or removing each other's backup.
   */
  backupTag?: string;
  /** Called once the backup is durable, before the file itself is replaced. */
  onBackup?: (backupPath: string) => Promise<void>;
}

/**
 * Writes one variable of a .env file atomically: a temporary file in the same folder, fsync,
 * the original's mode (and owner, as root), rename over, fsync of the folder. Every check of
 * `requireWritableDotenv` runs first; a link accepted when the target was added is written through
 * and stays a link. The previous content is kept as `<name>.keyturn-backup-<tag>` (0600: it holds the
 * old key) when asked.
 */
export async function writeDotenvTarget(write: DotenvWrite): Promise<{ file: string; previousSha256: string; newSha256: string; backupPath: string | null; appended: boolean }> {
  const { resolved: real, stats: info } = await requireWritableDotenv(write.file, write.expectedResolved ?? write.file);
  const before = await readCheckedFile(real, info);
  const previousSha256 = sha256(before);
  if (write.expectedSha256 && write.expectedSha256 !== previousSha256) {
    // The file changed after it was read: it is not overwritten blindly.
    throw refused(problem('target.file.changed', { field: 'file', path: write.file }));
  }
  if (readDotenvValue(before, write.variable) === null && !write.createVariable) {
    throw refused(problem('target.variable.missing', { field: 'variable', path: write.file, variable: write.variable }));
  }
  const next = replaceDotenvValue(before, write.variable, write.value, { append: write.createVariable === true });
  const backupPath = write.backupTag ? backupPathOf(real, write.backupTag) : null;
  if (backupPath) {
    await writeAtomically(backupPath, before, 0o600, null);
    await write.onBackup?.(backupPath);
  }
  await writeAtomically(real, next.text, info.mode & 0o7777, { uid: info.uid, gid: info.gid }, info);
  return { file: real, previousSha256, newSha256: sha256(next.text), backupPath, appended: next.appended };
}

export function backupPathOf(resolved: string, tag: string): string {
  return `${resolved}.keyturn-backup-${tag}`;
}

async function writeAtomically(path: string, text: string, mode: number, owner: { uid: number; gid: number } | null, replacing?: Stats): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (owner && process.getuid?.() === 0) await chown(temp, owner.uid, owner.gid);
    // The name must still be the file that was read and checked, not something put there since.
    if (replacing && !sameFile(await lstat(path), replacing)) throw refused(problem('target.file.replaced', { field: 'file', path }));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolderOf(path);
}
