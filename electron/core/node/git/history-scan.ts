import { fail } from '../../domain/problems/problem-error.js';
import { typedBack } from '../../domain/problems/typed-back.js';
import { keyMatcher, type MatcherInput } from '../../scan/key-matcher.js';
import type { LeakScan } from '../../scan/finding.js';
import { emptyLogScan, keysInLog, withTip } from './log-scan.js';
import { commitOf, requireRepositoryRoot } from './repository.js';

export interface HistoryScanOptions {
  matcher: MatcherInput;
  /** Only the commits after this revision (`REV..HEAD`); absent: every commit reachable from HEAD. */
  since?: string;
}

/**
 * Every key added in the history reachable from HEAD (kind 'history'): each added line of each
 * commit, merges included, read through git itself; a finding carries its commit, author date and
 * whether the file at HEAD still holds it.
 */
export async function scanHistory(repo: string, options: HistoryScanOptions): Promise<LeakScan> {
  const root = await requireRepositoryRoot(repo);
  const since = options.since === undefined ? null : await commitOf(root, options.since);
  if (options.since !== undefined && since === null) fail('git.bad-revision', { revision: typedBack(options.since) });
  const head = await commitOf(root, 'HEAD');
  const scan = emptyLogScan();
  // A repository with no commit yet has no history: nothing to read, nothing found.
  if (head !== null) await keysInLog(root, [since === null ? head : `${since}..${head}`], keyMatcher(options.matcher), scan);
  const findings = await withTip(root, scan.keys, head);
  return { kind: 'history', root, findings, references: [], scannedFiles: [], counts: { files: scan.files.size, commits: scan.commits.size } };
}
