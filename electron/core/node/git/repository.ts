import { resolve } from 'node:path';
import { fail } from '../../domain/problems/problem-error.js';
import { isProblem } from '../../domain/problems/problem-error.js';
import { runGit } from './run-git.js';

/** The top folder of the git repository `dir` is in, or null when it is in none (or git is not installed). */
export async function repositoryRoot(dir: string): Promise<string | null> {
  try {
    const run = await runGit(resolve(dir), ['rev-parse', '--show-toplevel']);
    const top = run.stdout.toString('utf8').replace(/\n$/, '');
    // Inside a .git folder or a bare repository git answers with an error or nothing: no work tree to scan.
    return run.code === 0 && top.length > 0 ? top : null;
  } catch (error) {
    if (isProblem(error, 'git.unavailable')) return null;
    throw error;
  }
}

/** The repository's top folder, or the problem git.not-a-repository (git.unavailable when there is no git). */
export async function requireRepositoryRoot(dir: string): Promise<string> {
  const top = await repositoryRoot(dir);
  if (top !== null) return top;
  // Tell "no git" apart from "no repository": the first is not the person's mistake.
  await runGit(resolve(dir), ['--version']);
  return fail('git.not-a-repository', { path: resolve(dir) });
}

/** The full sha of a commit `revision` names, or null when it names none (an unknown name, or not a commit). */
export async function commitOf(root: string, revision: string): Promise<string | null> {
  if (revision.startsWith('-')) return null;
  const run = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  const sha = run.stdout.toString('utf8').trim();
  return run.code === 0 && sha.length > 0 ? sha : null;
}
