import type { KindsOf } from './kinds.js';
import type { WarningProblem } from './warnings.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const warningKinds = { 'audit.unrecorded': 'failure', 'store.moved-aside': 'failure' } as const satisfies KindsOf<WarningProblem>;
