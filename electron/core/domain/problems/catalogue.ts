import * as z from 'zod';
import { generalKinds, generalProblems } from './general.js';
import { instanceKinds, instanceProblems } from './instance.js';
import type { ProblemKind } from './kinds.js';
import { legacyKinds, legacyProblems } from './legacy.js';
import { refKinds, refProblems } from './refs.js';
import { warningKinds, warningProblems } from './warnings.js';

/**
 * Every problem core reports, by code. One area per file; a new area is one import here and one
 * line in each list below. Hosts word them (electron/cli/problems, renderer/src/problems), and the
 * compiler checks that each host words every code.
 */
export const PROBLEM_SCHEMAS = [...generalProblems, ...instanceProblems, ...refProblems, ...warningProblems, ...legacyProblems] as const;

export const problemSchema = z.discriminatedUnion('code', PROBLEM_SCHEMAS);

export type Problem = z.infer<typeof problemSchema>;
export type ProblemCode = Problem['code'];
export type ProblemOf<C extends ProblemCode> = Extract<Problem, { code: C }>;
export type ParamsOf<C extends ProblemCode> = Omit<ProblemOf<C>, 'code'>;

export const PROBLEM_KINDS = { ...generalKinds, ...instanceKinds, ...refKinds, ...warningKinds, ...legacyKinds } as const satisfies { readonly [C in ProblemCode]: ProblemKind };

/** How a host words every problem: one function per code, checked exhaustively by the compiler. */
export type Wordings = { readonly [C in ProblemCode]: (problem: ProblemOf<C>) => string };

/** Words a problem with a host's wordings (the one place the union is narrowed by its code). */
export function wordProblem(wordings: Wordings, problem: Problem): string {
  const word = wordings[problem.code] as (p: Problem) => string;
  return word(problem);
}

/** One area's wordings: a function per code of that area (hosts build their Wordings from these). */
export type AreaWordings<P extends { code: string }> = { readonly [C in P['code']]: (problem: Extract<P, { code: C }>) => string };
