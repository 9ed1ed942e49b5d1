import type { MatcherInput } from '../../scan/key-matcher.js';
import type { LeakScan } from '../../scan/finding.js';

/** Every key in what `git commit` would record now (kind 'staged'): the added lines of the index against HEAD. */
export async function scanStaged(repo: string, options: { matcher: MatcherInput }): Promise<LeakScan> {
  void repo;
  void options;
  throw new Error('scanStaged is not built yet');
}

/**
 * Every key in the commits a push sends (kind 'pushed'): `pushLines` is what git gives a pre-push
 * hook on stdin (`<local ref> <local sha> <remote ref> <remote sha>` per line).
 */
export async function scanPushed(repo: string, pushLines: string, options: { matcher: MatcherInput }): Promise<LeakScan> {
  void repo;
  void pushLines;
  void options;
  throw new Error('scanPushed is not built yet');
}
