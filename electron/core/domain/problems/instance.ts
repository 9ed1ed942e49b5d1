import * as z from 'zod';
import { formParam, inputParam, nameParam, refParam } from './params.js';

/** Problems with what an instance is given: its base URL, verify path, project id. */
export const instanceProblems = [
  z.object({ code: z.literal('base-url.required'), field: z.literal('baseUrl'), provider: nameParam, form: formParam }),
  z.object({ code: z.literal('base-url.not-a-url'), field: z.literal('baseUrl'), value: inputParam, form: formParam }),
  z.object({ code: z.literal('base-url.not-https'), field: z.literal('baseUrl'), provider: nameParam }),
  z.object({ code: z.literal('base-url.has-extras'), field: z.literal('baseUrl') }),
  z.object({ code: z.literal('verify-path.invalid'), field: z.literal('verifyPath'), value: inputParam }),
  /** A change of an instance's verify path that gives no path (nor asks for the provider's default). */
  z.object({ code: z.literal('verify-path.not-given'), field: z.literal('verifyPath') }),
  z.object({ code: z.literal('project-id.required'), field: z.literal('projectId'), provider: nameParam, example: formParam }),
  z.object({ code: z.literal('project-id.invalid'), field: z.literal('projectId'), value: inputParam }),
  z.object({ code: z.literal('instance.not-found'), field: z.literal('instance'), ref: refParam, provider: nameParam, org: nameParam, name: nameParam }),
] as const;

export type InstanceProblem = z.infer<(typeof instanceProblems)[number]>;
