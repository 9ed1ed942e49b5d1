import { createHash, randomBytes } from 'node:crypto';
import { chown, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readDotenvValue, replaceDotenvValue } from './dotenv-text.js';

/** The file changed after it was read: it is not overwritten blindly. */
export class TargetChangedError extends Error {
  override readonly name = 'TargetChangedError';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function readDotenvTarget(file: string, variable: string): Promise<{ value: string | null; sha256: string }> {
  const text = await readFile(file, 'utf8');
  return { value: readDotenvValue(text, variable), sha256: sha256(text) };
}

export interface DotenvWrite {
  file: string;
  variable: string;
  value: string;
  /** The hash of the content the caller read; the write is refused if the file no longer has it. */
  expectedSha256?: string;
  backup?: boolean;
}

/**
 * Writes one variable of a .env file atomically: a temporary file in the same folder, fsync,
 * the original's mode (and owner, as root), rename over, fsync of the folder. A symlink is written
 * through to its target and stays a link. The previous file is kept as `<name>.keyturn-backup` (0600:
 * it holds the old key).
 */
export async function writeDotenvTarget(write: DotenvWrite): Promise<{ file: string; previousSha256: string; newSha256: string; backupPath: string | null; appended: boolean }> {
  let real: string;
  try {
    real = await realpath(write.file);
  } catch {
    throw new TargetChangedError(`${write.file} does not exist: create it, or remove this target`);
  }
  const before = await readFile(real, 'utf8');
  const previousSha256 = sha256(before);
  if (write.expectedSha256 && write.expectedSha256 !== previousSha256) {
    throw new TargetChangedError(`${write.file} changed since Keyturn read it: check it, then resume`);
  }
  const info = await stat(real);
  const next = replaceDotenvValue(before, write.variable, write.value);
  const backupPath = write.backup ? `${real}.keyturn-backup` : null;
  if (backupPath) await writeAtomically(backupPath, before, 0o600, null);
  await writeAtomically(real, next.text, info.mode & 0o7777, { uid: info.uid, gid: info.gid });
  return { file: real, previousSha256, newSha256: sha256(next.text), backupPath, appended: next.appended };
}

async function writeAtomically(path: string, text: string, mode: number, owner: { uid: number; gid: number } | null): Promise<void> {
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
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // The rename is durable only once the folder itself is synced.
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
