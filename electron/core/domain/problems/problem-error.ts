import type { ParamsOf, Problem, ProblemCode, ProblemOf } from './catalogue.js';
import { PROBLEM_KINDS } from './problem-kinds.js';
import type { ProblemKind } from './kinds.js';

/**
 * How core reports a failure: a code and its parameters, never a finished sentence. Each host
 * words it for its people. The message is the code, for logs and stack traces only.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';

  constructor(
    readonly problem: Problem,
    options?: { cause?: unknown },
  ) {
    super(problem.code, options);
  }

  get kind(): ProblemKind {
    return PROBLEM_KINDS[this.problem.code];
  }
}

export function problem<C extends ProblemCode>(code: C, params: ParamsOf<C>): ProblemOf<C> {
  return { code, ...params } as ProblemOf<C>;
}

/** Throws the problem `code` with its parameters. */
export function fail<C extends ProblemCode>(code: C, params: ParamsOf<C>, options?: { cause?: unknown }): never {
  throw new ProblemError(problem(code, params), options);
}

/** Whether `error` is the problem `code` (or any problem, without a code): decisions go by code, never by message. */
export function isProblem<C extends ProblemCode>(error: unknown, code?: C): error is ProblemError & { problem: ProblemOf<C> } {
  return error instanceof ProblemError && (code === undefined || error.problem.code === code);
}
