import type { Problem } from '../core/domain/problems/catalogue.js';
import { PROBLEM_KINDS } from '../core/domain/problems/problem-kinds.js';
import type { ProblemKind } from '../core/domain/problems/kinds.js';
import { ProblemError, problem } from '../core/domain/problems/problem-error.js';

/** A failure as it crosses to the renderer: its kind and problem (a code and parameters), never a stack, never a secret. */
export interface CallFailure {
  kind: ProblemKind;
  problem: Problem;
}

/** Any error core or a host threw, as a problem: a call's failed reply, or a background rotation's stop. */
export function callFailure(error: unknown): CallFailure {
  const p = problemOf(error);
  return { kind: PROBLEM_KINDS[p.code], problem: p };
}

function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  return problem('unexpected', { detail: error instanceof Error ? error.message : 'the host failed' });
}
