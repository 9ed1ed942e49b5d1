import * as z from 'zod';
import { countParam, formParam, nameParam, refParam } from './params.js';

const env = z.enum(['sandbox', 'production']);
const secret = z.literal('secret');
/** Set when `key add` refused the key: nothing was stored, nor the instance it would have created. */
const refusedAt = { nothingStored: z.boolean().optional(), newInstance: refParam.optional() };

/**
 * What is wrong with the shape of a pasted key for a provider and an instance: its prefix, length,
 * characters, environment or project. Never the key itself: only the forms it should have.
 */
export const keyShapeProblems = [
  z.object({ code: z.literal('key.empty'), field: secret, ...refusedAt }),
  z.object({ code: z.literal('key.whitespace-inside'), field: secret, ...refusedAt }),
  z.object({ code: z.literal('key.control-characters'), field: secret, ...refusedAt }),
  /** `form`: how the provider's keys start (`nte_`, `sk_test_ (sandbox) or sk_live_ (production)`). */
  z.object({ code: z.literal('key.wrong-prefix'), field: secret, ...refusedAt, provider: nameParam, form: formParam }),
  z.object({ code: z.literal('key.wrong-length'), field: secret, ...refusedAt, provider: nameParam, prefix: formParam, expected: countParam, actual: countParam }),
  z.object({ code: z.literal('key.too-short'), field: secret, ...refusedAt, provider: nameParam, actual: countParam }),
  /** Past the provider's longest key: a page or a header pasted by mistake. */
  z.object({ code: z.literal('key.too-long'), field: secret, ...refusedAt, provider: nameParam, actual: countParam, max: countParam }),
  /** `after`: the prefix the rule applies after, where there is one; `part`: the whole key or its token (after a project slug). */
  z.object({ code: z.literal('key.bad-characters'), field: secret, ...refusedAt, provider: nameParam, part: z.enum(['key', 'token']), after: formParam.optional() }),
  z.object({ code: z.literal('key.pattern-mismatch'), field: secret, ...refusedAt, provider: nameParam, pattern: formParam }),
  z.object({
    code: z.literal('key.wrong-environment'),
    field: secret,
    ...refusedAt,
    provider: nameParam,
    keyEnv: env,
    keyPrefix: formParam,
    instanceEnv: env,
    instancePrefix: formParam,
  }),
  z.object({ code: z.literal('key.other-project'), field: secret, ...refusedAt, provider: nameParam, org: nameParam, prefix: formParam }),
  z.object({ code: z.literal('key.no-token'), field: secret, ...refusedAt, provider: nameParam }),
] as const;

export type KeyShapeProblem = z.infer<(typeof keyShapeProblems)[number]>;
