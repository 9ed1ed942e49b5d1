import * as z from 'zod';
import { nameParam, outsideTextParam, pathParam, schemaPathParam } from './params.js';

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
  /** An error a host caught that carries no problem (a bug, say): never its message, which may be Node's or a library's text. */
  z.object({ code: z.literal('host.failed') }),
  /** A file or folder the call needed is not there (`path` when the error named it). */
  z.object({ code: z.literal('host.file-missing'), path: pathParam.optional() }),
  /** A file or folder the call needed may not be read or written by Keyturn. */
  z.object({ code: z.literal('host.file-denied'), path: pathParam.optional() }),
] as const;

export type GeneralProblem = z.infer<(typeof generalProblems)[number]>;
