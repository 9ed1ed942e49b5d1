import type { KindsOf } from './kinds.js';
import type { LegacyProblem } from './legacy.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const legacyKinds = { 'legacy.input': 'input', 'legacy.failure': 'failure' } as const satisfies KindsOf<LegacyProblem>;
