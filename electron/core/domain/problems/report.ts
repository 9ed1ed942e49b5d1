import * as z from 'zod';
import { outsideTextParam } from './params.js';

/** Problems writing the audit report's exports. */
export const reportProblems = [
  /** The calendar library refused the events: `reason` is its message. */
  z.object({ code: z.literal('report.calendar-failed'), reason: outsideTextParam }),
] as const;

export type ReportProblem = z.infer<(typeof reportProblems)[number]>;
