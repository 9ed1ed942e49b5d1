import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A rename into `path` is durable only once the folder holding it is synced too. */
export async function syncFolderOf(path: string): Promise<void> {
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
