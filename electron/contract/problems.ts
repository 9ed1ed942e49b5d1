// The problem catalogue as the renderer sees it: the schema that parses a failed call's problem,
// and the types each host's wordings are checked against. Core owns the catalogue; this re-exports it.
export { problemSchema, PROBLEM_KINDS, wordProblem } from '../core/domain/problems/catalogue.js';
export type { AreaWordings, Problem, ProblemCode, ProblemOf, Wordings } from '../core/domain/problems/catalogue.js';
export type { ProblemField } from '../core/domain/problems/params.js';
export type { ProblemKind } from '../core/domain/problems/kinds.js';
export type { GeneralProblem } from '../core/domain/problems/general.js';
export type { InstanceProblem } from '../core/domain/problems/instance.js';
export type { RefProblem } from '../core/domain/problems/refs.js';
export type { WarningProblem } from '../core/domain/problems/warnings.js';
export type { LegacyProblem } from '../core/domain/problems/legacy.js';
