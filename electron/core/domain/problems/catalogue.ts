import * as z from 'zod';
import { baselineProblems } from './baseline.js';
import { emergencyProblems } from './emergency.js';
import { generalProblems } from './general.js';
import { gitProblems } from './git.js';
import { injectProblems } from './inject.js';
import { instanceProblems } from './instance.js';
import { keyShapeProblems } from './key-shape.js';
import { keychainProblems } from './keychain.js';
import { policyProblems } from './policy.js';
import { providerProblems } from './provider.js';
import { referenceProblems } from './reference.js';
import { refProblems } from './refs.js';
import { reportProblems } from './report.js';
import { rotationProblems } from './rotation.js';
import { runProblems } from './run.js';
import { scanProblems } from './scan.js';
import { storeProblems } from './store.js';
import { targetProblems } from './targets.js';
import { teamProblems } from './team.js';
import { vaultProblems } from './vault.js';
import { warningProblems } from './warnings.js';

/**
 * Every problem core reports, by code: its schema (zod, for parsing a problem that crossed a
 * boundary and for the catalogue test). One area per file; a new area is one import and one
 * spread here, one in problem-kinds.ts, and one wording file per host (electron/cli/problems,
 * renderer/src/problems): the compiler checks that each host words every code.
 *
 * Throwing or wording a problem never needs this file (problem-error.ts, problem-kinds.ts and
 * wording.ts load no zod), so the smallest commands stay small.
 */
export const PROBLEM_SCHEMAS = [
  ...generalProblems, ...baselineProblems, ...emergencyProblems, ...gitProblems, ...injectProblems, ...instanceProblems, ...keyShapeProblems, ...keychainProblems, ...policyProblems, ...providerProblems, ...referenceProblems, ...refProblems, ...reportProblems, ...rotationProblems, ...runProblems, ...scanProblems, ...storeProblems, ...targetProblems, ...teamProblems, ...vaultProblems, ...warningProblems,
] as const;

export const problemSchema = z.discriminatedUnion('code', PROBLEM_SCHEMAS);

export type Problem = z.infer<typeof problemSchema>;
export type ProblemCode = Problem['code'];
export type ProblemOf<C extends ProblemCode> = Extract<Problem, { code: C }>;
export type ParamsOf<C extends ProblemCode> = Omit<ProblemOf<C>, 'code'>;
