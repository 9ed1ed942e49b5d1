import { pushLinesFromEnvironment } from '../../core/node/git/staged-scan.js';
import type { CliIo } from '../io.js';

/**
 * The pushed refs, as git gives a pre-push hook on stdin (`<local ref> <local sha> <remote ref>
 * <remote sha>` per line); under the pre-commit framework, which keeps stdin for itself, from the
 * refs it sets in the environment instead.
 */
export async function pushLinesFrom(io: CliIo): Promise<string> {
  return pushLinesFromEnvironment(io.env) ?? (await io.readStdin());
}
