import type { KeyMatcher } from '../../scan/key-matcher.js';
import type { Finding } from '../../scan/finding.js';
import { COMMIT_FORMAT, GitDiffReader } from '../../scan/git-diff.js';
import { keysInAdditions, type AddedKey } from './added-keys.js';
import { blobsAt } from './blobs-at.js';
import { PLAIN_DIFF, streamGitLines } from './run-git.js';

/**
 * How the commits' patches are asked for. Every added line with no context (`-U0`, hunks never
 * joined), renames detected (`-M`: a renamed file's lines are not added again, so a key is found
 * at the commit that added it, not at every rename), the root commit's patch whatever log.showRoot
 * says, no signature check.
 *
 * Merges (`--cc`): a merge's combined diff against all its parents, whose lines added against
 * every parent are the merge's own resolution. The other choice, `-m --first-parent`, diffs a merge
 * against its first parent alone and walks the first parents only: it would find a key added on a
 * branch at the merge that brought it, not at the branch commit that added it, and a key added by a
 * merge resolution to a file only one side changed would be mixed in with what that side brought.
 * With `--cc` every commit of every branch is walked, each key is found where it was written, and
 * what only the merge wrote is found at the merge. (`--cc` leaves out the hunks where the merge
 * took one side unchanged: there is nothing in them that some parent did not already add.)
 */
const LOG_PATCHES = ['log', '--no-show-signature', COMMIT_FORMAT, '-p', '-U0', '--inter-hunk-context=0', '-M', '--cc', '--root', '--no-relative', ...PLAIN_DIFF] as const;

export interface LogScan {
  keys: AddedKey[];
  /** The commits read (each once, whatever the ranges). */
  commits: Set<string>;
  /** The paths that gained lines. */
  files: Set<string>;
}

/**
 * The keys on the lines added by the commits `revisions` select (`git log` revision arguments),
 * read from git's output as it streams, added to `into`; a commit `into` has read already (another
 * range of the same push) is skipped.
 */
export async function keysInLog(root: string, revisions: readonly string[], matcher: KeyMatcher, into: LogScan): Promise<void> {
  let commit: { sha: string; authorDate: string } | null = null;
  let skipping = false;
  const reader = new GitDiffReader({
    commit(sha, authorDate) {
      skipping = into.commits.has(sha);
      into.commits.add(sha);
      commit = { sha, authorDate };
    },
    file(additions) {
      if (skipping) return;
      into.files.add(additions.path);
      into.keys.push(...keysInAdditions(root, additions, matcher, commit));
    },
  });
  await streamGitLines(root, [...LOG_PATCHES, ...revisions], (line) => reader.push(line));
  reader.end();
}

export function emptyLogScan(): LogScan {
  return { keys: [], commits: new Set(), files: new Set() };
}

/**
 * The findings of keys found in commits, each told whether its file at `tip` (HEAD, or the commit
 * a push sends) still holds that very key: read with one `git cat-file --batch` for every path.
 */
export async function withTip(root: string, keys: readonly AddedKey[], tip: string | null): Promise<Finding[]> {
  const texts = tip === null ? new Map<string, string | null>() : await blobsAt(root, tip, keys.map((k) => k.path));
  return keys.map((k) => ({ ...k, commit: k.commit === null ? null : { ...k.commit, atHead: texts.get(k.path)?.includes(k.secret) ?? false } }));
}
