import * as z from 'zod';
import { inputParam, nameParam, outsideTextParam, pathParam } from './params.js';

/** Problems running a command with keys in its environment. */
export const runProblems = [
  /** An assignment that is not VARIABLE=REF (`value` is what was given). */
  z.object({ code: z.literal('run.env-malformed'), field: z.literal('variable'), value: inputParam }),
  z.object({ code: z.literal('run.env-twice'), field: z.literal('variable'), variable: nameParam }),
  z.object({ code: z.literal('run.command-missing'), field: z.literal('command') }),
  /** An `--env-file` that could not be read (`reason`: the OS error code, ENOENT, EACCES, EISDIR…). Nothing ran. */
  z.object({ code: z.literal('run.env-file-unreadable'), field: z.literal('file'), file: pathParam, reason: outsideTextParam }),
  z.object({ code: z.literal('run.command-not-found'), field: z.literal('command'), command: nameParam }),
  /** The OS refused to start the command: `reason` is its error code (EACCES, …). */
  z.object({ code: z.literal('run.command-not-started'), field: z.literal('command'), command: nameParam, reason: outsideTextParam }),
] as const;

export type RunProblem = z.infer<(typeof runProblems)[number]>;
