import * as z from 'zod';
import { outsideTextParam } from './params.js';
import type { KindsOf } from './kinds.js';

/** Problems writing the audit report's exports. */
export const reportProblems = [
  /** The calendar library refused the events: `reason` is its message. */
  z.object({ code: z.literal('report.calendar-failed'), reason: outsideTextParam }),
] as const;

export type ReportProblem = z.infer<(typeof reportProblems)[number]>;

export const reportKinds = { 'report.calendar-failed': 'failure' } as const satisfies KindsOf<ReportProblem>;
