import type { AreaWordings, GitProblem } from '../../../electron/contract/problems.js';

export const gitWordings: AreaWordings<GitProblem> = {
  'git.not-a-repository': (p) => `${p.path} is not inside a git repository, so it has no history to scan: scan its files only.`,
  'git.bad-revision': (p) => `This repository has no revision "${p.revision}": choose a commit, tag or branch it has.`,
  'git.failed': (p) => `git could not read this repository (${p.command}: ${p.reason}). Scan its files only, or check the repository with git.`,
  'git.unavailable': () => 'git is not installed on this computer, so no history can be read: install git, or scan the folder\'s files only.',
  'git.malformed-push-line': (p) => `"${p.line}" does not name commits being pushed, so nothing was scanned.`,
  'git.hook-foreign': (p) => `${p.path} is a hook Keyturn did not write; it was left as it is. Add Keyturn's scan to it yourself, or choose to replace it (it is kept beside it).`,
  'git.hook-backup-exists': (p) => `${p.path} already holds a hook replaced earlier; nothing was changed. Move it away first.`,
  'git.hook-not-ours': (p) => `${p.path} is a hook Keyturn did not write; it was left as it is.`,
};
