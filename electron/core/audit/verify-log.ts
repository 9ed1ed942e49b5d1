import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { GENESIS_HASH, sha256, type FileAuditLog } from './audit-log.js';

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  action: z.string(),
  keyId: z.string().optional(),
  maskedKey: z.string().optional(),
  outcome: z.enum(['ok', 'failed', 'info']),
  detail: z.string().optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface LogProblem {
  /** 1-based line number in the file; null for the file as a whole. */
  line: number | null;
  problem: string;
}

export interface LogVerification {
  ok: boolean;
  entries: number;
  problems: LogProblem[];
  /** Not failures: entries written after the keychain's record of the newest one (a crash can leave it one write behind). */
  notes: string[];
}

/** Reads the log; a line that is not an entry is returned as null in its place. */
export function readAuditLog(path: string): { lines: string[]; entries: (AuditEntry | null)[] } {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const entries = lines.map((line) => {
    try {
      const parsed = auditEntrySchema.safeParse(JSON.parse(line));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  });
  return { lines, entries };
}

/**
 * Checks the chain line by line (each `prev` is the hash of the line before, each `seq` one more)
 * and the newest line against the hash kept in the keychain. Names the line where it breaks.
 */
export function verifyAuditLog(path: string, head: string | null): LogVerification {
  const { lines, entries } = readAuditLog(path);
  const problems: LogProblem[] = [];
  const notes: string[] = [];
  let prevHash = GENESIS_HASH;
  entries.forEach((entry, i) => {
    const line = i + 1;
    if (!entry) {
      problems.push({ line, problem: 'is not a log entry (edited, or cut off by a crash)' });
    } else {
      if (entry.prev !== prevHash) {
        problems.push({ line, problem: i === 0 ? 'does not start the log: entries before it were removed, or it was edited' : `does not follow line ${i}: line ${i} was edited, or an entry between them was removed or moved` });
      }
      if (entry.seq !== line) problems.push({ line, problem: `holds entry ${entry.seq} where entry ${line} belongs: entries were removed, added or reordered` });
    }
    prevHash = sha256(lines[i] ?? '');
  });
  const hashes = lines.map((l) => sha256(l));
  if (head === null) {
    if (lines.length > 0) problems.push({ line: null, problem: 'the keychain holds no record of the newest entry, so cutting entries off the end cannot be ruled out' });
  } else if (hashes.at(-1) !== head) {
    const at = hashes.lastIndexOf(head);
    if (at === -1) {
      problems.push({ line: null, problem: lines.length === 0 ? 'the log is empty or missing, but the keychain records entries: it was deleted or replaced' : 'the newest entry is not the one the keychain records: entries were cut off the end, the file was replaced by an older copy, or the last line was edited' });
    } else {
      notes.push(`${lines.length - (at + 1)} entr${lines.length - (at + 1) === 1 ? 'y was' : 'ies were'} written after the keychain's record of the newest one (line ${at + 1})`);
    }
  }
  return { ok: problems.length === 0, entries: lines.length, problems, notes };
}

/** Verifies a vault's log against the newest hash its keychain records (after pending writes land). */
export async function verifyLog(log: FileAuditLog): Promise<LogVerification> {
  return verifyAuditLog(log.path, await log.readHead());
}
