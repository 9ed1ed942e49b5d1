import type { GitProblem } from '../../core/domain/problems/git.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const gitWordings: AreaWordings<GitProblem> = {
  'git.not-a-repository': (p) => `${p.path} is not inside a git repository: give a repository's folder (or scan the folder itself with "keyturn scan ${p.path}")`,
  'git.bad-revision': (p) => `git does not know the revision "${p.revision}" in this repository: give a commit, a tag or a branch it has`,
  'git.failed': (p) => `git ${p.command} failed: ${p.reason}`,
  'git.unavailable': () => 'git is not installed (no "git" on PATH): install git, or scan the folder\'s files with "keyturn scan DIR"',
  'git.malformed-push-line': (p) => `"${p.line}" is not a line git gives a pre-push hook ("<local ref> <local sha> <remote ref> <remote sha>"): run "keyturn scan --pushed" from a pre-push hook, or pipe it such lines`,
  'git.hook-foreign': (p) => `${p.path} is a hook Keyturn did not write, so it was left as it is: add "keyturn scan --staged" to it yourself, or run "keyturn hook install --force" to keep it as ${p.path}.keyturn-replaced and install Keyturn's`,
  'git.hook-backup-exists': (p) => `${p.path} already holds a hook replaced earlier, so nothing was changed: move it away (or remove it), then install again`,
  'git.hook-not-ours': (p) => `${p.path} is a hook Keyturn did not write, so it was left as it is: remove it yourself if it should go`,
};
