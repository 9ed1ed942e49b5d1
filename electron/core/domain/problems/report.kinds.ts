import type { KindsOf } from './kinds.js';
import type { ReportProblem } from './report.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const reportKinds = { 'report.calendar-failed': 'failure', 'report.formats-conflict': 'input' } as const satisfies KindsOf<ReportProblem>;
