import type { AreaWordings, GitProblem } from '../../../electron/contract/problems.js';

export const gitWordings: AreaWordings<GitProblem> = {
  'git.not-a-repository': (p) => `${p.path} is not inside a git repository, so it has no history to scan: scan its files only.`,
  'git.bad-revision': (p) => `This repository has no revision "${p.revision}": choose a commit, tag or branch it has.`,
  'git.failed': (p) => `git could not read this repository (${p.command}: ${p.reason}). Scan its files only, or check the repository with git.`,
};
