import { expect } from 'vitest';
import type { ParamsOf, ProblemCode } from '../../electron/core/domain/problems/catalogue.js';

/**
 * Matches an error that is the problem `code` with these parameters (values or matchers), if given:
 * tests decide by code, never by message.
 */
export function problemWith<C extends ProblemCode>(code: C, params: { [K in keyof ParamsOf<C>]?: unknown } = {}): unknown {
  const expected: Record<string, unknown> = { code, ...params };
  return expect.objectContaining({ problem: expect.objectContaining(expected) });
}
