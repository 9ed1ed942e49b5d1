import type { KindsOf } from './kinds.js';
import type { BaselineProblem } from './baseline.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const baselineKinds = {
  'baseline.malformed-line': 'input',
  'baseline.unreadable': 'input',
  'baseline.unwritable': 'failure',
} as const satisfies KindsOf<BaselineProblem>;
