import type { KindsOf } from './kinds.js';
import type { GitProblem } from './git.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const gitKinds = {
  'git.not-a-repository': 'input',
  'git.bad-revision': 'input',
  'git.failed': 'failure',
} as const satisfies KindsOf<GitProblem>;
