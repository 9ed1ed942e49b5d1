import { ZodError } from 'zod';
import type { CallReply } from '../contract/api.js';
import { parseArgs, type Handlers } from '../contract/contract.js';
import { CALL_NAMES, type CallName } from '../contract/names.js';
import { UserInputError } from '../core/domain/errors.js';

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
  if (!isCallName(name)) return { status: 404, reply: { ok: false, error: { kind: 'input', message: `there is no call named ${name}` } } };
  try {
    const args = parseArgs(name, rawArgs);
    const handler = handlers[name] as (a: unknown) => Promise<unknown>;
    return { status: 200, reply: { ok: true, result: await handler(args) } };
  } catch (error) {
    return describeError(error);
  }
}

/** Errors cross as sentences; never a stack, never a secret (core errors carry none). */
function describeError(error: unknown): Dispatched {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return { status: 400, reply: { ok: false, error: { kind: 'input', message: `${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}` } } };
  }
  if (error instanceof UserInputError) return { status: 400, reply: { ok: false, error: { kind: 'input', message: error.message } } };
  return { status: 500, reply: { ok: false, error: { kind: 'failure', message: error instanceof Error ? error.message : 'the host failed' } } };
}
