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

/**
 * An error that is no problem never crosses with its message: Node's text (`ENOENT: no such file
 * or directory, open …`) or a library's is no sentence for a person, and may say more than it
 * should. A missing or forbidden file is said as such, with its path; anything else is "try again".
 */
function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  const code = systemCode(error);
  const path = pathOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem('host.file-missing', path ? { path } : {});
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return problem('host.file-denied', path ? { path } : {});
  return problem('host.failed', {});
}

function systemCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

function pathOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('path' in error)) return null;
  return typeof error.path === 'string' ? error.path : null;
}
