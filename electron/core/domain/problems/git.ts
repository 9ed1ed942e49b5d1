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
  /** No `git` program on this machine's PATH. */
  z.object({ code: z.literal('git.unavailable') }),
  /** A line of what git gave a pre-push hook that is not `<local ref> <local sha> <remote ref> <remote sha>`. */
  z.object({ code: z.literal('git.malformed-push-line'), line: inputParam }),
  /** Installing: a hook Keyturn did not write is already at `path` (kept as it is). */
  z.object({ code: z.literal('git.hook-foreign'), path: pathParam }),
  /** Installing over a foreign hook: `path` (where it would be kept) is taken already, by an earlier replaced hook. */
  z.object({ code: z.literal('git.hook-backup-exists'), path: pathParam }),
  /** Uninstalling: the hook at `path` is not Keyturn's, so it is left as it is. */
  z.object({ code: z.literal('git.hook-not-ours'), path: pathParam }),
] as const;

export type GitProblem = z.infer<(typeof gitProblems)[number]>;
