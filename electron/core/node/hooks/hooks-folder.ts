import { resolve } from 'node:path';
import { requireRepositoryRoot } from '../git/repository.js';
import { gitText } from '../git/run-git.js';

/**
 * The folder git runs a repository's hooks from: `git rev-parse --git-path hooks`, which honours
 * core.hooksPath (hook managers such as husky set it) and a worktree's common folder. git runs
 * hooks from the work tree's top, so a relative answer (a relative core.hooksPath included) is
 * taken from there.
 */
export async function hooksFolder(repo: string): Promise<{ root: string; folder: string }> {
  const root = await requireRepositoryRoot(repo);
  const answer = (await gitText(root, ['rev-parse', '--git-path', 'hooks'])).replace(/\n$/, '');
  return { root, folder: resolve(root, answer) };
}
