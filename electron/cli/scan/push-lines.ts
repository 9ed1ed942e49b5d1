import type { CliIo } from '../io.js';

/**
 * The pushed refs, as git gives a pre-push hook on stdin (`<local ref> <local sha> <remote ref>
 * <remote sha>` per line); under the pre-commit framework, which keeps stdin for itself, from the
 * refs it sets in the environment instead.
 */
export async function pushLinesFrom(io: CliIo): Promise<string> {
  return pushLinesFromEnvironment(io.env) ?? (await io.readStdin());
}

// The git engineer's electron/core/node/git/staged-scan.ts is to export pushLinesFromEnvironment(env);
// until it does, this is the same rule, here. Once merged, import it from there and remove this one.
/**
 * The pre-commit framework's pre-push stage: PRE_COMMIT_FROM_REF (what the remote has) and
 * PRE_COMMIT_TO_REF (what is pushed), with the branch names when it gives them. Null when unset.
 */
export function pushLinesFromEnvironment(env: NodeJS.ProcessEnv): string | null {
  const from = env.PRE_COMMIT_FROM_REF;
  const to = env.PRE_COMMIT_TO_REF;
  if (!from || !to) return null;
  const local = env.PRE_COMMIT_LOCAL_BRANCH || 'HEAD';
  const remote = env.PRE_COMMIT_REMOTE_BRANCH || 'HEAD';
  return `${local} ${to} ${remote} ${from}\n`;
}
