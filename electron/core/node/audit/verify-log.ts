import { existsSync, readFileSync } from 'node:fs';
import type { VaultDocument } from '../../domain/model.js';
import { GENESIS_HASH, sha256, type FileAuditLog } from './audit-log.js';
import { auditEntrySchema, type AuditEntry, type LogProblem, type LogVerification } from '../../audit/audit-entry.js';

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

/** What the vault's metadata says about the log: how many entries were written at least, and why. */
export interface RecordedHistory {
  entriesAtLeast: number;
  /** Where it says so, for the message: `/home/…/vault.json records that at least 12 entries were written`. */
  witness: string;
}

/**
 * The history vault.json records: its floor of the log's length; a vault written before the floor
 * was kept (no `auditLog`), but holding records (each made by an audited action), had at least one.
 */
export function recordedHistory(doc: VaultDocument, location: string): RecordedHistory | null {
  if (doc.auditLog) {
    // The floor is what the log held when vault.json was last written, before that write's own
    // entry was appended: a crash between the two leaves a floor of 0 with records, never an alarm.
    const floor = doc.auditLog.entriesAtLeast;
    return floor > 0 ? { entriesAtLeast: floor, witness: `${location} records that at least ${countEntries(floor)} ${floor === 1 ? 'was' : 'were'} written` } : null;
  }
  const held = [counted(doc.instances.length, 'instance'), counted(doc.keys.length, 'key'), counted(doc.rotations.length, 'rotation'), counted(doc.customProviders.length, 'provider')].filter((h) => h !== null);
  if (held.length === 0) return null;
  return { entriesAtLeast: 1, witness: `${location} holds ${held.join(', ')}, each recorded in the log when made (at least 1 entry)` };
}

const countEntries = (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'}`;
const counted = (n: number, what: string) => (n === 0 ? null : `${n} ${what}${n === 1 ? '' : 's'}`);

/**
 * Checks the chain line by line (each `prev` is the hash of the line before, each `seq` one more),
 * the newest line against the hash kept in the keychain, and the length against what the vault's
 * metadata records. Names the line where it breaks, or the file that is missing.
 */
export function verifyAuditLog(path: string, head: string | null, history: RecordedHistory | null = null): LogVerification {
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
  const expectedAtLeast = history?.entriesAtLeast ?? 0;
  if (lines.length === 0) {
    // Nothing to chain: whatever says entries were written is the evidence, named with the file.
    const witnesses = [...(head !== null ? ['the keychain records its newest entry'] : []), ...(history ? [history.witness] : [])];
    if (witnesses.length > 0) problems.push({ line: null, problem: `${path} is ${existsSync(path) ? 'empty' : 'missing'}, but ${witnesses.join(', and ')}: the log was deleted or emptied` });
  } else if (lines.length < expectedAtLeast && history) {
    problems.push({ line: null, problem: `the log holds ${countEntries(lines.length)}, but ${history.witness}: entries were removed, or the file was replaced by a shorter one` });
  }
  if (head === null) {
    if (lines.length > 0) problems.push({ line: null, problem: 'the keychain holds no record of the newest entry, so cutting entries off the end cannot be ruled out' });
  } else if (lines.length > 0 && hashes.at(-1) !== head) {
    const at = hashes.lastIndexOf(head);
    if (at === -1) {
      problems.push({ line: null, problem: 'the newest entry is not the one the keychain records: entries were cut off the end, the file was replaced by an older copy, or the last line was edited' });
    } else {
      notes.push(`${lines.length - (at + 1)} entr${lines.length - (at + 1) === 1 ? 'y was' : 'ies were'} written after the keychain's record of the newest one (line ${at + 1})`);
    }
  }
  return { ok: problems.length === 0, entries: lines.length, expectedAtLeast, problems, notes };
}

/**
 * Verifies a vault's log against the newest hash its keychain records (after pending writes land)
 * and, given the vault's metadata, against the history it records.
 */
export async function verifyLog(log: FileAuditLog, metadata?: { read(): VaultDocument; readonly location: string }): Promise<LogVerification> {
  const history = metadata ? recordedHistory(metadata.read(), metadata.location) : null;
  return verifyAuditLog(log.path, await log.readHead(), history);
}
