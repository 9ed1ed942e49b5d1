import * as z from 'zod';
import { inputParam, outsideTextParam, pathParam } from './params.js';

/** Why a scan of a repository's history or staged changes, or a hook's install, could not be done. */
export const gitProblems = [
  /** The folder is not inside a git repository (`path`: the folder, made full). */
  z.object({ code: z.literal('git.not-a-repository'), path: pathParam }),
  /** A revision (`--since`) git does not know in this repository. */
  z.object({ code: z.literal('git.bad-revision'), revision: inputParam }),
  /** git itself failed: `command` is its subcommand, `reason` what it said (its first line). */
  z.object({ code: z.literal('git.failed'), command: outsideTextParam, reason: outsideTextParam }),
] as const;

export type GitProblem = z.infer<(typeof gitProblems)[number]>;
