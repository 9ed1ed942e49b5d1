import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { AuditEvent, AuditWriter } from '../../ports/audit-sink.js';

// The audit port (what core records into, and its rule that a failed entry never fails the action) is in ports/audit-sink.ts.
export type { AuditEvent, AuditHeadStore, AuditSink } from '../../ports/audit-sink.js';
import type { AuditHeadStore } from '../../ports/audit-sink.js';


export const AUDIT_LOG_FILE = 'audit.log';
/** The chain's start: the hash the first line's `prev` carries. */
export const GENESIS_HASH = sha256('');
const TAIL_BYTES = 64 * 1024;
const LOCK_WAIT_MS = 5_000;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Append-only JSON lines in the vault home. Each line carries its sequence number and the SHA-256
 * of the line before it, so an edited, deleted or reordered line breaks the chain at a line we can
 * name; the newest line's hash also goes to the keychain, so cutting lines off the end (or putting
 * back an older copy of the whole file) shows too.
 *
 * Its appends throw when the file cannot be written: core sees it only through auditSink(), which
 * turns that into a warning.
 */
export class FileAuditLog implements AuditWriter {
  readonly path: string;
  readonly #now: () => Date;
  readonly #head: AuditHeadStore | null;
  #pendingHead: string | null = null;
  #writingHead: Promise<void> | null = null;

  constructor(home: string, options: { now?: () => Date; head?: AuditHeadStore | null } = {}) {
    this.path = join(home, AUDIT_LOG_FILE);
    this.#now = options.now ?? (() => new Date());
    this.#head = options.head ?? null;
  }

  append(event: AuditEvent): void {
    this.appendAll([event]);
  }

  /** Several events of one action (a verify of many keys): one line each, written under one lock. */
  appendAll(events: readonly AuditEvent[]): void {
    if (events.length === 0) return;
    // The CLI and the app may append at once: the chain needs each line to see the one before it.
    const release = lockSyncWaiting(this.path);
    let newest: string;
    try {
      const tail = lastLine(this.path);
      const at = this.#now().toISOString();
      let prev = tail.text;
      const lines = events.map((event, i) => {
        prev = JSON.stringify({ seq: tail.seq + i + 1, at, ...event, prev: sha256(prev) });
        return prev;
      });
      newest = prev;
      // A last line cut off by a crash keeps its bytes (verify names it); the new entries start a line of their own.
      appendFileSync(this.path, `${tail.unterminated ? '\n' : ''}${lines.join('\n')}\n`, { mode: 0o600 });
    } finally {
      release();
    }
    this.#recordHead(sha256(newest));
  }

  /** The newest hash as the keychain records it (null with no head store, or none recorded). */
  async readHead(): Promise<string | null> {
    await this.flush();
    return this.#head ? this.#head.read() : null;
  }

  /** Resolves once the newest hash is in the keychain; commands await it before they exit. */
  async flush(): Promise<void> {
    while (this.#writingHead) await this.#writingHead;
  }

  /**
   * Keychain writes take ~13 ms: they are coalesced, one at a time, newest hash last, so appending
   * many entries costs a few writes. A head left one write behind by a crash reads as "entries after
   * the recorded head" (a warning), never as a truncation.
   */
  #recordHead(hash: string): void {
    if (!this.#head) return;
    this.#pendingHead = hash;
    if (this.#writingHead) return;
    const head = this.#head;
    this.#writingHead = (async () => {
      try {
        while (this.#pendingHead !== null) {
          const next = this.#pendingHead;
          this.#pendingHead = null;
          await head.write(next).catch(() => undefined);
        }
      } finally {
        this.#writingHead = null;
      }
    })();
  }
}

/** The last complete line of the log (its text and sequence number), read from the file's tail only. */
function lastLine(path: string): { text: string; seq: number; unterminated: boolean } {
  if (!existsSync(path)) return { text: '', seq: 0, unterminated: false };
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { text: '', seq: 0, unterminated: false };
    // The tail is enough when it holds a line break before the last line; else (a line longer than
    // the tail) the whole file is read, so the hash is always of the whole last line.
    let length = Math.min(size, TAIL_BYTES);
    let text = readTail(fd, size, length);
    if (length < size && text.slice(0, -1).lastIndexOf('\n') === -1) {
      length = size;
      text = readTail(fd, size, length);
    }
    const unterminated = !text.endsWith('\n');
    const lines = text.split('\n').filter((l) => l.length > 0);
    const last = lines.at(-1) ?? '';
    return { text: last, seq: seqOf(last) ?? lines.length, unterminated };
  } finally {
    closeSync(fd);
  }
}

/**
 * How many entries the log in `home` holds, by the sequence number of its last whole entry (0 when
 * it is missing or empty). Read from the file's tail only; a line cut off by a crash or an append
 * under way is skipped. For the vault's metadata, which records it as a floor (see the store).
 */
export function auditLogLength(home: string): number {
  const path = join(home, AUDIT_LOG_FILE);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 0;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return 0;
    const lines = readTail(fd, size, Math.min(size, TAIL_BYTES)).split('\n');
    // The last piece has no line break after it: it is whole only if the file ends with one.
    lines.pop();
    for (let i = lines.length - 1; i >= 0; i--) {
      const seq = seqOf(lines[i] ?? '');
      if (seq !== null) return seq;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

function readTail(fd: number, size: number, length: number): string {
  const buffer = Buffer.alloc(length);
  readSync(fd, buffer, 0, length, size - length);
  return buffer.toString('utf8');
}

function seqOf(line: string): number | null {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && 'seq' in parsed && typeof parsed.seq === 'number' ? parsed.seq : null;
  } catch {
    return null;
  }
}

/** proper-lockfile's synchronous lock does not retry; this waits (briefly, without spinning the CPU). */
function lockSyncWaiting(path: string): () => void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return lockfile.lockSync(path, { realpath: false, stale: 10_000 });
    } catch (error) {
      if ((error as { code?: string }).code !== 'ELOCKED' || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
