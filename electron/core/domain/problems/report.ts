import * as z from 'zod';
import { outsideTextParam } from './params.js';

/** Problems choosing and writing the audit report's exports. */
export const reportProblems = [
  /** The calendar library refused the events: `reason` is its message. */
  z.object({ code: z.literal('report.calendar-failed'), reason: outsideTextParam }),
  /** More than one export format asked for at once: an export is one file of one format. */
  z.object({ code: z.literal('report.formats-conflict') }),
] as const;

export type ReportProblem = z.infer<(typeof reportProblems)[number]>;
