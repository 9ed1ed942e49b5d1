import type { MatcherInput } from '../../scan/key-matcher.js';
import type { LeakScan } from '../../scan/finding.js';

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
  void repo;
  void options;
  throw new Error('scanHistory is not built yet');
}
