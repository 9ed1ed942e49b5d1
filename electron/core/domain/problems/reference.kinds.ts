import type { KindsOf } from './kinds.js';
import type { ReferenceProblem } from './reference.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const referenceKinds = {
  'reference.malformed': 'input',
  'reference.key-missing': 'input',
  'reference.key-unusable': 'input',
  'reference.environment-mismatch': 'input',
  'reference.declaration-malformed': 'input',
  'reference.declarations-conflict': 'input',
  'reference.secret-unreadable': 'failure',
} as const satisfies KindsOf<ReferenceProblem>;
