import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { link, lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncFolderOf } from '../fs/sync-folder.js';

/** Nothing may take the name between the check and the write: else `link` fails with EEXIST, and the caller says so. */
export class NameTakenError extends Error {
  constructor(readonly path: string) {
    super(`internal: ${path} appeared while it was written`);
  }
}

/** The file that was checked was replaced by another, or changed, before the rename. */
export class FileReplacedError extends Error {
  constructor(readonly path: string) {
    super(`internal: ${path} was replaced while it was written`);
  }
}

/**
 * Writes `text` to `path` atomically with mode 0600 (it holds secrets): a temporary file in the same
 * folder, fsync, then into place, then fsync of the folder. `replacing`: the file checked before
 * (its name must still be that file); without it, the name must still be free, and is taken with
 * link(2) so that a file put there meanwhile is never replaced.
 */
export async function writeFileAtomically(path: string, text: string, replacing?: Stats | null): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.chmod(0o600);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (replacing === null) {
      try {
        await link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new NameTakenError(path);
        throw error;
      }
      await rm(temp, { force: true });
    } else {
      if (replacing) {
        const now = await lstat(path).catch(() => null);
        // The same inode, untouched since (an inode number is reused at once by some file systems; an edit in place changes ctime).
        if (!now || now.dev !== replacing.dev || now.ino !== replacing.ino || now.ctimeMs !== replacing.ctimeMs || now.size !== replacing.size) throw new FileReplacedError(path);
      }
      await rename(temp, path);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolderOf(path);
}
