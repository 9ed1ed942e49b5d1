import { fail } from '../../domain/problems/problem-error.js';
import { typedBack } from '../../domain/problems/typed-back.js';
import { blobsAt } from './blobs-at.js';
import { commitOf, requireRepositoryRoot } from './repository.js';

/** The text of `path` (relative to the repository's top folder) in `commit`, or null when that commit has no such file. */
export async function readFileAtCommit(repo: string, commit: string, path: string): Promise<string | null> {
  const root = await requireRepositoryRoot(repo);
  const sha = await commitOf(root, commit);
  if (sha === null) fail('git.bad-revision', { revision: typedBack(commit) });
  return (await blobsAt(root, sha, [path.replace(/^\/+/, '')])).get(path.replace(/^\/+/, '')) ?? null;
}
