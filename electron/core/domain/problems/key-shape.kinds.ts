import type { KindsOf } from './kinds.js';
import type { KeyShapeProblem } from './key-shape.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const keyShapeKinds = {
  'key.empty': 'input',
  'key.whitespace-inside': 'input',
  'key.control-characters': 'input',
  'key.wrong-prefix': 'input',
  'key.wrong-length': 'input',
  'key.too-short': 'input',
  'key.too-long': 'input',
  'key.bad-characters': 'input',
  'key.pattern-mismatch': 'input',
  'key.wrong-environment': 'input',
  'key.other-project': 'input',
  'key.no-token': 'input',
} as const satisfies KindsOf<KeyShapeProblem>;
