import type { GitProblem } from '../../core/domain/problems/git.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const gitWordings: AreaWordings<GitProblem> = {
  'git.not-a-repository': (p) => `${p.path} is not inside a git repository: give a repository's folder (or scan the folder itself with "keyturn scan ${p.path}")`,
  'git.bad-revision': (p) => `git does not know the revision "${p.revision}" in this repository: give a commit, a tag or a branch it has`,
  'git.failed': (p) => `git ${p.command} failed: ${p.reason}`,
};
