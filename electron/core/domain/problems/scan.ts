import * as z from 'zod';
import { countParam, inputParam, nameParam, outsideTextParam, pathParam, refParam } from './params.js';

const env = z.enum(['sandbox', 'production']);

/**
 * Why a folder scan did not start; why it did not read a file, and why a found key was not imported
 * (none of these stops the scan: each is shown next to the file or the key it is about).
 */
export const scanProblems = [
  /** The folder was typed as a relative path, which would depend on where the host started. */
  z.object({ code: z.literal('scan.folder-not-full-path'), value: inputParam }),
  /** `reason`: the OS's error code. */
  z.object({ code: z.literal('scan.folder-unreadable'), reason: outsideTextParam }),
  /** The folder to scan is not there (or is a file): `path` as it was typed, made full. */
  z.object({ code: z.literal('scan.folder-missing'), path: pathParam, is: z.enum(['missing', 'file']) }),
  z.object({ code: z.literal('scan.symbolic-link') }),
  /** `kind`: what the entry is instead (a named pipe, a socket, a device). */
  z.object({ code: z.literal('scan.not-regular-file'), kind: nameParam }),
  /** `reason`: what reading the file met (too large, changed while being read, an OS error code). */
  z.object({ code: z.literal('scan.file-unread'), reason: outsideTextParam }),
  /** No instance of the key's provider (in its environment, of its organization) to import it into. */
  z.object({ code: z.literal('scan.no-instance'), provider: nameParam, env: env.optional(), org: nameParam.optional() }),
  /** Several instances fit the key: which one is the person's to say. */
  z.object({ code: z.literal('scan.several-instances'), count: countParam, instances: z.array(refParam) }),
  /** Replacing values by references was asked for a scan that imports nothing. */
  z.object({ code: z.literal('scan.replace-needs-import') }),
  /** The file to rewrite is reached through a symbolic link (`resolved`: where it leads): rewritten only where it is. */
  z.object({ code: z.literal('scan.replace-through-link'), path: pathParam, resolved: pathParam }),
  /** The variable no longer holds the key the scan imported (the file changed since): left as it is. */
  z.object({ code: z.literal('scan.replace-value-changed'), path: pathParam, variable: nameParam }),
  /** Another line sets the same variable to another value: a rewrite would replace it too, so none is made. */
  z.object({ code: z.literal('scan.replace-other-value'), path: pathParam, variable: nameParam, line: countParam }),
  /** Add to vault: the place a scan showed no longer holds that key (the file changed, or the commit has no such file). */
  z.object({ code: z.literal('scan.finding-gone'), path: pathParam, line: countParam, commit: outsideTextParam.optional() }),
  /** Add to vault: the file the key was found in could not be read again (`reason`: what reading it met). */
  z.object({ code: z.literal('scan.finding-unread'), path: pathParam, reason: outsideTextParam }),
  /**
   * Choices of a scan that do not go together: `one-source` (a folder, the history, the staged changes
   * or the pushed commits: one at a time), `import-tree-only` (an import takes keys from files, not
   * from history), `since-history-only` (a starting revision is for a history scan), `one-format`
   * (JSON or SARIF), `verify-not-hook` (a check with the providers is never part of a commit or push
   * hook), `write-baseline-not-import`.
   */
  z.object({ code: z.literal('scan.options-conflict'), conflict: z.enum(['one-source', 'import-tree-only', 'since-history-only', 'one-format', 'verify-not-hook', 'write-baseline-not-import']) }),
] as const;

export type ScanProblem = z.infer<(typeof scanProblems)[number]>;
