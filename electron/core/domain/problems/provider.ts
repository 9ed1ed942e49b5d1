import * as z from 'zod';
import { countParam, inputParam, maskedParam, nameParam, outsideTextParam } from './params.js';

/** The calls of a provider's key-management API, as a failure names them. */
export const KEY_API_CALLS = ['list keys', 'create key', 'rotate key', 'revoke key'] as const;
const call = z.enum(KEY_API_CALLS);

/** Problems naming a provider, and calls to a provider's key-management API that did not succeed. */
export const providerProblems = [
  /** `known`: the providers there are (built in, then the user's own). */
  z.object({ code: z.literal('provider.unknown'), field: z.literal('provider'), provider: inputParam, known: z.array(nameParam) }),
  /**
   * `status`: the HTTP status, absent when no answer came; `outcomeUnknown`: the request may have
   * reached the provider and done its work (a timeout, a 5xx, a reset), so a create is looked for
   * before it is tried again. `reason`: the transport's or the provider's words, escaped.
   */
  z.object({ code: z.literal('provider.call-failed'), provider: nameParam, call, status: countParam.optional(), outcomeUnknown: z.boolean(), reason: outsideTextParam }),
  z.object({ code: z.literal('provider.answer-unreadable'), provider: nameParam, call, status: countParam }),
  /** The provider lists several keys that could be this one, and nobody chose which. */
  z.object({ code: z.literal('provider.remote-key-unchosen'), provider: nameParam, maskedKey: maskedParam }),
] as const;

export type ProviderProblem = z.infer<(typeof providerProblems)[number]>;
