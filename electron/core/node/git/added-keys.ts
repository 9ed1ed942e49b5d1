import { basename, join } from 'node:path';
import { findKeysInText } from '../../scan/find-keys.js';
import type { KeyMatcher } from '../../scan/key-matcher.js';
import type { Finding } from '../../scan/finding.js';
import type { FileAdditions } from '../../scan/git-diff.js';
import { scanAssignments } from '../../targets/kinds/dotenv/text.js';
import { isEnvFile } from '../scan/scan-folder.js';
import { variableHolding } from '../../scan/dotenv-variable.js';

/** A key found on an added line, before it knows whether its file at the tip still holds it. */
export type AddedKey = Omit<Finding, 'commit'> & { commit: { sha: string; authorDate: string } | null };

/**
 * The keys in one file's added lines. The lines are matched as one text (one pass of the rules per
 * file, not per line), and each key is placed back on its own line by offset. In a `.env`-style
 * file a key that is a line's `NAME=value` value names its variable (a swap target for an import).
 */
export function keysInAdditions(root: string, additions: FileAdditions, matcher: KeyMatcher, commit: AddedKey['commit']): AddedKey[] {
  const text = additions.lines.join('\n');
  const keys = findKeysInText(text, matcher);
  if (keys.length === 0) return [];
  const starts: number[] = [];
  let offset = 0;
  for (const line of additions.lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const envFile = isEnvFile(basename(additions.path));
  const found: AddedKey[] = [];
  for (const k of keys) {
    const index = lineIndexOf(starts, k.start);
    const lineStart = starts[index] ?? 0;
    const column = k.start - lineStart + 1;
    let variable: string | null = null;
    if (envFile) {
      const lineText = additions.lines[index] ?? '';
      const at = k.start - lineStart;
      variable = variableHolding(scanAssignments(lineText), { start: at, end: at + k.secret.length, secret: k.secret });
    }
    const { providerId, environment, org, maskedKey, fingerprint, match, secret } = k;
    found.push({ file: join(root, additions.path), path: additions.path, line: additions.numbers[index] ?? 0, column, variable, providerId, environment, org, maskedKey, fingerprint, match, commit, secret });
  }
  return found;
}

/** The index of the line that holds `offset` (the last start at or before it). */
function lineIndexOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
