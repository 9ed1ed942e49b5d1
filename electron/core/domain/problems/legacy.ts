import * as z from 'zod';
import { outsideTextParam } from './params.js';

/**
 * TRANSITIONAL: errors core still throws as sentences (UserInputError, VaultOperationError). Each
 * conversion removes callers; this file goes when the last does, and the compiler finds any left.
 */
export const legacyProblems = [
  z.object({ code: z.literal('legacy.input'), text: outsideTextParam }),
  z.object({ code: z.literal('legacy.failure'), text: outsideTextParam }),
] as const;

export type LegacyProblem = z.infer<(typeof legacyProblems)[number]>;
