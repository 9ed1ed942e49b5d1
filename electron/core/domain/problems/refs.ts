import * as z from 'zod';
import { formParam, nameParam, refParam } from './params.js';

/** Problems finding what a reference names. */
export const refProblems = [
  z.object({ code: z.literal('ref.malformed'), field: z.literal('ref'), ref: refParam, form: formParam }),
  z.object({ code: z.literal('key.not-found-by-id'), field: z.literal('ref'), ref: refParam }),
  z.object({ code: z.literal('key.not-found'), field: z.literal('ref'), name: nameParam, instance: refParam }),
] as const;

export type RefProblem = z.infer<(typeof refProblems)[number]>;
