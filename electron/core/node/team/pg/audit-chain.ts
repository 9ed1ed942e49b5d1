import { createHash } from 'node:crypto';
import { fail } from '../../../domain/problems/problem-error.js';
import type { TeamAuditHead } from '../../../ports/team-database.js';

/** The hash the first entry's `prev` carries: SHA-256 of nothing (the audit log's genesis). */
export const GENESIS_HASH = createHash('sha256').update('').digest('hex');

export const lineHash = (line: string) => createHash('sha256').update(line, 'utf8').digest('hex');

function chainFields(line: string): { seq: unknown; prev: unknown } {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { seq: unknown; prev: unknown }) : { seq: null, prev: null };
  } catch {
    return { seq: null, prev: null };
  }
}

/**
 * Of the entries a delivery carries, those that go on top of the team's head, checked as the
 * database will check them. Entries the team already holds are compared with its hashes
 * (`heldHashes`: seq → hash) and skipped; a gap after the head sends nothing (the caller resends
 * from head + 1); an entry that does not chain on is team.log-diverged at its seq.
 */
export function entriesToSend(
  audit: readonly { seq: number; line: string }[],
  head: TeamAuditHead | null,
  heldHashes: ReadonlyMap<number, string>,
): { seq: number; line: string; hash: string }[] {
  const headSeq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  let nextSeq = headSeq + 1;
  const send: { seq: number; line: string; hash: string }[] = [];
  for (const entry of audit) {
    const hash = lineHash(entry.line);
    if (entry.seq <= headSeq) {
      const held = heldHashes.get(entry.seq);
      if (held !== undefined && held !== hash) fail('team.log-diverged', { seq: entry.seq });
      continue;
    }
    if (entry.seq !== nextSeq) {
      // Nothing sent yet: the team is behind what the caller thought (a gap); it resends from the head.
      if (send.length === 0) return [];
      fail('team.log-diverged', { seq: nextSeq });
    }
    const fields = chainFields(entry.line);
    if (fields.seq !== entry.seq || fields.prev !== prevHash) fail('team.log-diverged', { seq: entry.seq });
    send.push({ ...entry, hash });
    prevHash = hash;
    nextSeq += 1;
  }
  return send;
}
