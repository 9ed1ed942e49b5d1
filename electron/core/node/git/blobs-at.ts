import { runGit, failedProblem } from './run-git.js';

/**
 * The text of each of `paths` in the tree of `commit`, read by one `git cat-file --batch` for them
 * all (not a process per file); null for a path that commit does not have. A path with a newline
 * cannot be asked on the batch's input: it is read alone.
 */
export async function blobsAt(root: string, commit: string, paths: readonly string[]): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  const batched = [...new Set(paths)].filter((p) => !p.includes('\n'));
  if (batched.length > 0) {
    const run = await runGit(root, ['cat-file', '--batch'], { input: batched.map((p) => `${commit}:${p}\n`).join('') });
    if (run.code !== 0) throw failedProblem(['cat-file'], run.stderr);
    const out = run.stdout;
    let at = 0;
    for (const path of batched) {
      const nl = out.indexOf(10, at);
      if (nl === -1) break;
      const header = out.subarray(at, nl).toString('utf8');
      at = nl + 1;
      // `<oid> <type> <size>` then the content and a newline; `<name> missing` (or ambiguous) alone.
      const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!match) {
        found.set(path, null);
        continue;
      }
      const size = Number(match[2]);
      found.set(path, match[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : null);
      at += size + 1;
    }
  }
  for (const path of new Set(paths)) {
    if (found.has(path)) continue;
    const run = await runGit(root, ['cat-file', 'blob', `${commit}:${path}`]);
    found.set(path, run.code === 0 ? run.stdout.toString('utf8') : null);
  }
  return found;
}
