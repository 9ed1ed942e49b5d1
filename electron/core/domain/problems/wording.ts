import type { Problem, ProblemCode, ProblemOf } from './catalogue.js';

/** How a host words every problem: one function per code, checked exhaustively by the compiler. */
export type Wordings = { readonly [C in ProblemCode]: (problem: ProblemOf<C>) => string };

/** One area's wordings: a function per code of that area (hosts build their Wordings from these). */
export type AreaWordings<P extends { code: string }> = { readonly [C in P['code']]: (problem: Extract<P, { code: C }>) => string };

/** Words a problem with a host's wordings (the one place the union is narrowed by its code). */
export function wordProblem(wordings: Wordings, problem: Problem): string {
  const word = wordings[problem.code] as (p: Problem) => string;
  return word(problem);
}
