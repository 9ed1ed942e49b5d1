import type { KindsOf } from './kinds.js';
import type { RefProblem } from './refs.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const refKinds = {
  'ref.malformed': 'input',
  'key.not-found-by-id': 'input',
  'key.not-found': 'input',
} as const satisfies KindsOf<RefProblem>;
