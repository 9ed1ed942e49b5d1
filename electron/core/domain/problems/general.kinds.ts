import type { KindsOf } from './kinds.js';
import type { GeneralProblem } from './general.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const generalKinds = {
  'call.invalid-arguments': 'input',
  'call.unknown': 'input',
  'host.request-refused': 'input',
  'host.untrusted-sender': 'failure',
  unexpected: 'failure',
  'host.failed': 'failure',
  'host.file-missing': 'failure',
  'host.file-denied': 'failure',
} as const satisfies KindsOf<GeneralProblem>;
