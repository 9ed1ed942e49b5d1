/** The top folder of the git repository `dir` is in, or null when it is in none (or git is not installed). */
export async function repositoryRoot(dir: string): Promise<string | null> {
  void dir;
  throw new Error('repositoryRoot is not built yet');
}
