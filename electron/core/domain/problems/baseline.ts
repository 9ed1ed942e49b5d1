import * as z from 'zod';
import { countParam, outsideTextParam, pathParam } from './params.js';

/** Why a baseline of accepted findings (`.keyturnignore`, or the one given) could not be used. */
export const baselineProblems = [
  /** A line that is not `FINGERPRINT PATH [# reason]`: `reason` says what is wrong with it. */
  z.object({ code: z.literal('baseline.malformed-line'), path: pathParam, line: countParam, reason: outsideTextParam }),
  /** The file given could not be read (`reason`: the OS's code). */
  z.object({ code: z.literal('baseline.unreadable'), path: pathParam, reason: outsideTextParam }),
  /** The baseline to write (`--write-baseline`) could not be written (`reason`: the OS's code). */
  z.object({ code: z.literal('baseline.unwritable'), path: pathParam, reason: outsideTextParam }),
] as const;

export type BaselineProblem = z.infer<(typeof baselineProblems)[number]>;
