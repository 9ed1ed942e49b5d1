import * as z from 'zod';
import { nameParam, outsideTextParam, pathParam } from './params.js';

/**
 * Problems core reports as warnings (through the logger port), never throws: what they tell of
 * has been done or dealt with, and the person must know.
 */
export const warningProblems = [
  /** The action was done, but its audit entry could not be written (a full disk, the log's lock held too long). */
  z.object({ code: z.literal('audit.unrecorded'), action: nameParam, reason: outsideTextParam }),
  /**
   * vault.json could not be read at all: it was moved aside and an empty one started. `lastGood` is
   * a pinned copy of the last file that parsed (null when there is none), saved at `lastGoodAt`.
   */
  z.object({
    code: z.literal('store.moved-aside'),
    reason: outsideTextParam,
    location: pathParam,
    movedTo: pathParam,
    lastGood: pathParam.nullable(),
    lastGoodAt: outsideTextParam.nullable(),
  }),
] as const;

export type WarningProblem = z.infer<(typeof warningProblems)[number]>;
