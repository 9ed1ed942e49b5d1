import { expect } from 'vitest';
import type { ParamsOf, ProblemCode } from '../../electron/core/domain/problems/catalogue.js';

/** Matches an error that is the problem `code` (with these parameters, if given): tests decide by code, never by message. */
export function problemWith<C extends ProblemCode>(code: C, params: Partial<ParamsOf<C>> = {}): unknown {
  return expect.objectContaining({ problem: expect.objectContaining({ code, ...params }) });
}
