import * as z from 'zod';
import { countParam, inputParam, nameParam } from './params.js';

/** Problems with a key's dates and the rotation policy. */
export const policyProblems = [
  z.object({ code: z.literal('date.invalid'), field: z.literal('expires'), value: inputParam }),
  /** A maximum age out of range: `which` says whose (a key's, or a policy level's environment). */
  z.object({ code: z.literal('days.out-of-range'), field: z.literal('days'), which: z.enum(['maximum-age', 'key-max-age', 'production', 'sandbox']), max: countParam }),
  z.object({ code: z.literal('policy.provider-not-in-vault'), field: z.literal('provider'), provider: nameParam }),
  z.object({ code: z.literal('policy.days-per-environment'), field: z.literal('days') }),
  /** A policy change names both a provider and an instance: it is for one scope. */
  z.object({ code: z.literal('policy.scope-conflict'), field: z.literal('instance') }),
  /** An instance's maximum age is one number of days (its own environment's), or cleared. */
  z.object({ code: z.literal('policy.instance-days-missing'), field: z.literal('days') }),
  /** One number of days was given for the default or a provider, which have one per environment. */
  z.object({ code: z.literal('policy.days-for-instance-only'), field: z.literal('days') }),
  /** Clearing is for an override (a provider's, an instance's): the default always has a value. */
  z.object({ code: z.literal('policy.default-not-clearable') }),
  /** A change of the default or a provider's rule that gives neither environment's maximum age. */
  z.object({ code: z.literal('policy.days-missing'), field: z.literal('days') }),
  /** A change of a key's dates that gives neither its expiry nor its maximum age. */
  z.object({ code: z.literal('key-dates.nothing-to-change'), field: z.literal('expires') }),
] as const;

export type PolicyProblem = z.infer<(typeof policyProblems)[number]>;
