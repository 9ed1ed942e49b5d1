import { closeSync, fsyncSync, openSync, readFileSync, writeSync, fstatSync, readSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { TEAM_OUTBOX_FILE } from './team-files.js';

/** One recorded change: which keys' team rows may have changed ('all': every key of the vault). */
export const outboxEntrySchema = z.object({ n: z.number().int().positive(), keys: z.union([z.literal('all'), z.array(z.string().min(1))]) });
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export function outboxPath(home: string): string {
  return join(home, TEAM_OUTBOX_FILE);
}

function parseLine(line: string): OutboxEntry | null {
  try {
    const parsed = outboxEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Every whole entry of the outbox, in order. A last line without its line break (a crash in the
 * middle of an append) is not an entry: the change it was for was never written either.
 */
export function readOutbox(home: string): OutboxEntry[] {
  let text: string;
  try {
    text = readFileSync(outboxPath(home), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  lines.pop(); // the part after the last line break: empty, or a torn line
  const entries: OutboxEntry[] = [];
  for (const line of lines) {
    const entry = parseLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

const TAIL_BYTES = 8 * 1024;

/** The newest entry's number and whether the file ends in a torn line, from the file's tail only (the recorder runs on every write). */
export function outboxTail(home: string): { lastN: number; torn: boolean } {
  let fd: number;
  try {
    fd = openSync(outboxPath(home), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lastN: 0, torn: false };
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { lastN: 0, torn: false };
    const read = (length: number) => {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      return buffer.toString('utf8');
    };
    let text = read(Math.min(size, TAIL_BYTES));
    // A tail with no whole line in it (a huge key list): the whole file, so the newest number is never missed.
    if (text.length < size && text.slice(0, -1).indexOf('\n') === -1) text = read(size);
    const torn = !text.endsWith('\n');
    const lines = text.split('\n');
    lines.pop();
    for (let i = lines.length - 1; i >= 0; i -= 1) {
      const entry = parseLine(lines[i] ?? '');
      if (entry) return { lastN: entry.n, torn };
    }
    return { lastN: 0, torn };
  } finally {
    closeSync(fd);
  }
}

/** Appends one entry and flushes it to the disk before the change it records is written. */
export function appendOutbox(home: string, entry: OutboxEntry, torn: boolean): void {
  const fd = openSync(outboxPath(home), 'a', 0o600);
  try {
    writeSync(fd, `${torn ? '\n' : ''}${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Keeps only the entries past `deliveredN` (called under the vault lock, so no append runs meanwhile). */
export function compactOutbox(home: string, deliveredN: number): void {
  const left = readOutbox(home).filter((e) => e.n > deliveredN);
  writeFileAtomic.sync(outboxPath(home), left.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
}

/** What waits to be delivered past the cursor: each key with the newest entry naming it (its revision), and the newest entry. */
export interface PendingKeys {
  /** key id → revision; `all` entries are expanded by the caller, who knows the vault's keys. */
  named: Map<string, number>;
  /** The newest 'all' entry past the cursor (0 when none). */
  allAt: number;
  newestN: number;
}

export function pendingKeys(entries: readonly OutboxEntry[], deliveredN: number): PendingKeys {
  const named = new Map<string, number>();
  let allAt = 0;
  let newestN = deliveredN;
  for (const entry of entries) {
    if (entry.n <= deliveredN) continue;
    newestN = Math.max(newestN, entry.n);
    if (entry.keys === 'all') allAt = Math.max(allAt, entry.n);
    else for (const id of entry.keys) named.set(id, Math.max(named.get(id) ?? 0, entry.n));
  }
  return { named, allAt, newestN };
}

/** Each key to deliver and its revision: named keys, and every current key under an 'all' entry. */
export function revisionsOf(pending: PendingKeys, currentKeyIds: readonly string[]): Map<string, number> {
  const revisions = new Map(pending.named);
  if (pending.allAt > 0) for (const id of currentKeyIds) revisions.set(id, Math.max(revisions.get(id) ?? 0, pending.allAt));
  return revisions;
}
