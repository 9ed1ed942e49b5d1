import * as z from 'zod';
import { nameParam, outsideTextParam, schemaPathParam } from './params.js';

/** Problems of any call: arguments the contract refused, and failures no code was given for. */
export const generalProblems = [
  /** The arguments of a call did not match the contract (a host bug or a hand-made request). */
  z.object({ code: z.literal('call.invalid-arguments'), path: schemaPathParam, reason: outsideTextParam }),
  z.object({ code: z.literal('call.unknown'), name: nameParam }),
  /** A UI host refused a request before any call ran (browser mode's gate: a used launch link, a foreign origin). */
  z.object({ code: z.literal('host.request-refused'), reason: outsideTextParam }),
  /** The desktop shell refused a call that did not come from Keyturn's own window. */
  z.object({ code: z.literal('host.untrusted-sender') }),
  /** Something failed that core has no problem for: its message (core messages carry no secret). */
  z.object({ code: z.literal('unexpected'), detail: outsideTextParam }),
] as const;

export type GeneralProblem = z.infer<(typeof generalProblems)[number]>;
