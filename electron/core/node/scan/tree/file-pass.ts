import type * as Fs from 'node:fs';

/**
 * What a tree scan's first pass over one file found: it was not read (and why, in the words of
 * readCappedRegularFile), it is binary, or it is text, with its text when something may be in it.
 */
export type FilePass = { kind: 'unread'; reason: string } | { kind: 'binary' } | { kind: 'text'; text: string | null };

/** What the pass needs of Node, given to it (it runs in a worker thread too: see thread-pool.ts). */
export interface FilePassTools {
  fs: typeof Fs;
  isAscii: (bytes: Uint8Array) => boolean;
}

/** The first pass of a KeyMatcher made ready to search with, in the thread that searches. Self-contained, like passOverFile. */
export function firstPassSearch(firstPass: { pattern: string }): FirstPassSearch {
  return { pattern: new RegExp(firstPass.pattern) };
}

/** The buffer one thread reads every file into, grown as a larger file asks. */
export interface ReadBuffer {
  bytes: Buffer;
}

/** A FirstPass made ready: its expression. */
export interface FirstPassSearch {
  pattern: RegExp;
}

/**
 * The first pass over one file: read it as readCappedRegularFile does, with the checks made on the
 * opened handle (O_NOFOLLOW: a link is never followed; O_NONBLOCK: a FIFO is never waited on; fstat:
 * a regular file of at most `maxBytes`, of which at most size + 1 bytes are read), into the thread's
 * own buffer; a NUL in its first 8000 bytes makes it binary (as git and ripgrep judge it); else the
 * first pass's expression (KeyMatcher.firstPass) says whether its text goes on to findKeysInText.
 * A pure-ASCII file is matched as a latin1 string (the same text as UTF-8, made faster); any other
 * as UTF-8, so a user's rule reads the characters it was written for.
 *
 * Self-contained (Node comes in `tools`, no import is used at run time): the worker's source is
 * this function's own text (thread-pool.ts).
 */
export function passOverFile(tools: FilePassTools, buffer: ReadBuffer, file: string, maxBytes: number, firstPass: FirstPassSearch): FilePass {
  const { fs } = tools;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'unread', reason: code === 'ELOOP' ? 'a symbolic link, not followed' : `could not be opened (${code ?? 'error'})` };
  }
  try {
    const info = fs.fstatSync(fd);
    if (!info.isFile()) return { kind: 'unread', reason: 'not a regular file' };
    if (info.size > maxBytes) return { kind: 'unread', reason: `larger than ${maxBytes} bytes` };
    // One byte more than fstat says: a file that grew since is noticed, not read on.
    const wanted = info.size + 1;
    if (buffer.bytes.length < wanted) buffer.bytes = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(wanted, buffer.bytes.length * 2)));
    let length = 0;
    while (length < wanted) {
      const asked = wanted - length;
      const read = fs.readSync(fd, buffer.bytes, length, asked, length);
      length += read;
      // A regular file reads short only at its end: no second call to be told so.
      if (read < asked) break;
    }
    if (length > info.size) return { kind: 'unread', reason: 'changed while being read' };
    const bytes = buffer.bytes.subarray(0, length);
    const head = bytes.subarray(0, 8000);
    if (head.indexOf(0) !== -1) return { kind: 'binary' };
    const text = tools.isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    return { kind: 'text', text: firstPass.pattern.test(text) ? text : null };
  } catch (error) {
    return { kind: 'unread', reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    fs.closeSync(fd);
  }
}
