import type { KindsOf } from './kinds.js';
import type { InjectProblem } from './inject.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const injectKinds = {
  'inject.placeholder-unclosed': 'input',
  'inject.template-unreadable': 'input',
  'inject.output-foreign': 'input',
  'inject.output-not-regular': 'input',
  'inject.output-no-folder': 'input',
  'inject.output-is-template': 'input',
  'inject.output-write-failed': 'failure',
  'inject.record-needs-files': 'input',
  'inject.template-not-of-key': 'input',
} as const satisfies KindsOf<InjectProblem>;
