import { ZodError } from 'zod';
import type { CallReply } from '../contract/api.js';
import { parseArgs, type Handlers } from '../contract/contract.js';
import { CALL_NAMES, type CallName } from '../contract/names.js';
import type { Problem } from '../core/domain/problems/catalogue.js';
import { PROBLEM_KINDS } from '../core/domain/problems/problem-kinds.js';
import { problem } from '../core/domain/problems/problem-error.js';
import { callFailure } from './call-failure.js';

const CALLS = new Set<string>(CALL_NAMES);

export function isCallName(name: string): name is CallName {
  return CALLS.has(name);
}

/** A reply and the HTTP status browser mode sends it with (IPC ignores the status). */
export interface Dispatched {
  status: number;
  reply: CallReply<unknown>;
}

/**
 * One call, the same way in every host: the name is checked, the arguments are parsed by the
 * contract's schema before core sees them, and any failure becomes a sentence.
 */
export async function dispatchCall(handlers: Handlers, name: string, rawArgs: unknown): Promise<Dispatched> {
  if (!isCallName(name)) return failed(404, problem('call.unknown', { name }));
  try {
    const args = parseArgs(name, rawArgs);
    const handler = handlers[name] as (a: unknown) => Promise<unknown>;
    return { status: 200, reply: { ok: true, result: await handler(args) } };
  } catch (error) {
    return describeError(error);
  }
}

/** Errors cross as problems (a code and parameters): never a stack, never a secret. */
function describeError(error: unknown): Dispatched {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return failed(400, problem('call.invalid-arguments', { path: issue?.path.join('.') ?? '', reason: issue?.message ?? 'invalid' }));
  }
  const failure = callFailure(error);
  return { status: STATUS[failure.kind], reply: { ok: false, error: failure } };
}

const STATUS = { input: 400, failure: 500, busy: 409 } as const;

function failed(status: number, p: Problem): Dispatched {
  return { status, reply: { ok: false, error: { kind: PROBLEM_KINDS[p.code], problem: p } } };
}
