import { resolve } from 'node:path';
import { fail } from '../../domain/problems/problem-error.js';
import { typedBack } from '../../domain/problems/typed-back.js';
import { keyMatcher, type MatcherInput } from '../../scan/key-matcher.js';
import type { LeakScan } from '../../scan/finding.js';
import { GitDiffReader, type FileAdditions } from '../../scan/git-diff.js';
import { keysInAdditions } from './added-keys.js';
import { emptyLogScan, keysInLog, withTip } from './log-scan.js';
import { commitOf, requireRepositoryRoot } from './repository.js';
import { PLAIN_DIFF, streamGitLines } from './run-git.js';

/**
 * What `git commit` would record, as added lines: the index against HEAD (against nothing before
 * the first commit, as `git diff --cached` does by itself). Only the index and HEAD's tree are
 * read, never the work tree (no stat of its files: a hook must be quick in a large repository);
 * renames are not looked for (a rename's lines count as added: slower to tell apart than to scan).
 */
const STAGED_DIFF = ['diff', '--cached', '--no-renames', '-U0', '--inter-hunk-context=0', '--no-relative', ...PLAIN_DIFF] as const;

/** Every key in what `git commit` would record now (kind 'staged'): the added lines of the index against HEAD. */
export async function scanStaged(repo: string, options: { matcher: MatcherInput }): Promise<LeakScan> {
  // The diff's paths are from the repository's top wherever git runs in it, so the diff need not
  // wait for the top folder: both run at once (a hook's time is a commit's time).
  const additions: FileAdditions[] = [];
  const reader = new GitDiffReader({ file: (a) => additions.push(a) });
  const [top, diff] = await Promise.allSettled([requireRepositoryRoot(repo), streamGitLines(resolve(repo), STAGED_DIFF, (line) => reader.push(line))]);
  if (top.status === 'rejected') throw top.reason;
  if (diff.status === 'rejected') throw diff.reason;
  reader.end();
  const root = top.value;
  const matcher = keyMatcher(options.matcher);
  const findings = additions.flatMap((a) => keysInAdditions(root, a, matcher, null)).map((k) => ({ ...k, commit: null }));
  return { kind: 'staged', root, findings, references: [], scannedFiles: [], counts: { files: new Set(additions.map((a) => a.path)).size, commits: 0 } };
}

/** One line of a pre-push hook's input: what a ref is pushed as, and what the remote has there now. */
export interface PushedRef {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

/** git's "no object": a ref deleted (local) or new on the remote (remote); 40 zeros, or 64 in a SHA-256 repository. */
const NO_OBJECT = /^0+$/;

/** The lines of a pre-push hook's standard input; blank lines are ignored, any other malformed one is the problem git.malformed-push-line. */
export function parsePushLines(pushLines: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const raw of pushLines.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const parts = line.split(/\s+/);
    const [localRef, localSha, remoteRef, remoteSha] = parts;
    if (parts.length !== 4 || localRef === undefined || remoteRef === undefined || !isObjectName(localSha) || !isObjectName(remoteSha)) fail('git.malformed-push-line', { line: typedBack(line) });
    refs.push({ localRef, localSha, remoteRef, remoteSha });
  }
  return refs;
}

function isObjectName(text: string | undefined): text is string {
  return text !== undefined && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(text);
}

/**
 * Every key in the commits a push sends (kind 'pushed'): `pushLines` is what git gives a pre-push
 * hook on stdin (`<local ref> <local sha> <remote ref> <remote sha>` per line).
 *
 * A deleted ref sends nothing. A ref the remote has sends `remote..local`; a new ref (or one whose
 * remote commit this clone has never fetched) sends what no remote-tracking ref has yet (`local
 * --not --remotes`). A commit pushed to two refs is read once. A finding's `atHead` says whether
 * the file at the commit pushed (the ref's new tip) still holds the key.
 */
export async function scanPushed(repo: string, pushLines: string, options: { matcher: MatcherInput }): Promise<LeakScan> {
  const root = await requireRepositoryRoot(repo);
  const matcher = keyMatcher(options.matcher);
  const scan = emptyLogScan();
  const findings: LeakScan['findings'] = [];
  for (const ref of parsePushLines(pushLines)) {
    if (NO_OBJECT.test(ref.localSha)) continue;
    const local = await commitOf(root, ref.localSha);
    // A tag that points at a tree or a blob: no commit, no history to send.
    if (local === null) continue;
    const remote = NO_OBJECT.test(ref.remoteSha) ? null : await commitOf(root, ref.remoteSha);
    const before = scan.keys.length;
    await keysInLog(root, remote === null ? [local, '--not', '--remotes'] : [`${remote}..${local}`], matcher, scan);
    findings.push(...(await withTip(root, scan.keys.slice(before), local)));
  }
  return { kind: 'pushed', root, findings, references: [], scannedFiles: [], counts: { files: scan.files.size, commits: scan.commits.size } };
}

/**
 * The push lines of a pre-push run by the pre-commit framework, which reads git's input itself and
 * gives the range in its environment instead (PRE_COMMIT_FROM_REF: what the remote has,
 * PRE_COMMIT_TO_REF: what is pushed; PRE_COMMIT_LOCAL_BRANCH / PRE_COMMIT_REMOTE_BRANCH name
 * them). null when that environment gives no range. A push it gives no FROM for (a new branch
 * whose history starts at a root commit) scans as a new ref: what no remote has.
 */
export function pushLinesFromEnvironment(env: Readonly<Record<string, string | undefined>>): string | null {
  const to = env.PRE_COMMIT_TO_REF ?? env.PRE_COMMIT_SOURCE;
  const from = env.PRE_COMMIT_FROM_REF ?? env.PRE_COMMIT_ORIGIN;
  if (!to) return null;
  const zeros = '0'.repeat(to.length === 64 ? 64 : 40);
  return `${env.PRE_COMMIT_LOCAL_BRANCH || 'HEAD'} ${to} ${env.PRE_COMMIT_REMOTE_BRANCH || 'HEAD'} ${from || zeros}\n`;
}
