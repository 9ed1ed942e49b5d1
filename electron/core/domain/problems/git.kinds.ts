import type { KindsOf } from './kinds.js';
import type { GitProblem } from './git.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const gitKinds = {
  'git.not-a-repository': 'input',
  'git.bad-revision': 'input',
  'git.failed': 'failure',
  'git.unavailable': 'failure',
  'git.malformed-push-line': 'input',
  'git.hook-foreign': 'input',
  'git.hook-backup-exists': 'input',
  'git.hook-not-ours': 'input',
} as const satisfies KindsOf<GitProblem>;
