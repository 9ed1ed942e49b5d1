import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_LOG_FILE, sha256 } from '../audit/audit-log.js';

/**
 * The local audit log's whole lines, in order (line i is entry i + 1). A last line without its line
 * break is an append under way (or cut off by a crash): not delivered until it is whole.
 */
export function localLogLines(home: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(home, AUDIT_LOG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n');
  lines.pop();
  return lines;
}

export type LogAgainstHead = { state: 'follows'; from: number } | { state: 'diverged'; seq: number } | { state: 'shorter'; local: number; team: number };

/** Whether the local log carries on from the team's head of it: its line at head.seq hashes to head.hash. */
export function logAgainstHead(lines: readonly string[], head: { seq: number; hash: string } | null): LogAgainstHead {
  if (!head || head.seq === 0) return { state: 'follows', from: 0 };
  if (lines.length < head.seq) return { state: 'shorter', local: lines.length, team: head.seq };
  if (sha256(lines[head.seq - 1] ?? '') !== head.hash) return { state: 'diverged', seq: head.seq };
  return { state: 'follows', from: head.seq };
}
