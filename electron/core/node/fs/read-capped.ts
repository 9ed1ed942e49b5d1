import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type CappedRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a regular file of at most `maxBytes`, and nothing else. The checks are made on the opened
 * handle, not on the path, so a file swapped for a link or a FIFO between listing and reading is
 * still refused:
 * - O_NOFOLLOW: a symbolic link is never followed (ELOOP);
 * - O_NONBLOCK: opening a FIFO does not wait for a writer; fstat then says it is no regular file;
 * - `expected`: the file checked before (dev and inode) is the one opened;
 * - the size comes from fstat of the handle, and at most that size + 1 (≤ maxBytes + 1) bytes are
 *   ever read, so a file that grows after fstat costs no more.
 */
export async function readCappedRegularFile(file: string, maxBytes: number, expected?: { dev: number; ino: number }): Promise<CappedRead> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ELOOP' ? 'a symbolic link, not followed' : `could not be opened (${code ?? 'error'})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (expected && (info.dev !== expected.dev || info.ino !== expected.ino)) return { ok: false, reason: 'replaced by another file since it was checked' };
    if (info.size > maxBytes) return { ok: false, reason: `larger than ${maxBytes} bytes` };
    // One byte more than fstat says: a file that grew since is noticed, not read on.
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > info.size) return { ok: false, reason: 'changed while being read' };
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle.close();
  }
}
