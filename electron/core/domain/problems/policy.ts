import * as z from 'zod';
import { countParam, inputParam, nameParam } from './params.js';

/** Problems with a key's dates and the rotation policy. */
export const policyProblems = [
  z.object({ code: z.literal('date.invalid'), field: z.literal('expires'), value: inputParam }),
  /** A maximum age out of range: `which` says whose (a key's, or a policy level's environment). */
  z.object({ code: z.literal('days.out-of-range'), field: z.literal('days'), which: z.enum(['maximum-age', 'key-max-age', 'production', 'sandbox']), max: countParam }),
  z.object({ code: z.literal('policy.provider-not-in-vault'), field: z.literal('provider'), provider: nameParam }),
  z.object({ code: z.literal('policy.days-per-environment'), field: z.literal('days') }),
] as const;

export type PolicyProblem = z.infer<(typeof policyProblems)[number]>;
