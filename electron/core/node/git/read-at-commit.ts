/** The text of `path` (relative to the repository's top folder) in `commit`, or null when that commit has no such file. */
export async function readFileAtCommit(repo: string, commit: string, path: string): Promise<string | null> {
  void repo;
  void commit;
  void path;
  throw new Error('readFileAtCommit is not built yet');
}
