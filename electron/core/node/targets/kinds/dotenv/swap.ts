import { problem } from '../../../../domain/problems/problem-error.js';
import type { SwapKeys, SwapOutcome, SwapWrite } from '../../../../targets/kind-module.js';
import { reasonOf, refusalReason } from '../../../../targets/reasons.js';
import { backupPathOf, readDotenvTarget, writeDotenvTarget } from './file-write.js';
import type { DotenvTarget } from '../../../../targets/kinds/dotenv/schema.js';

/** Why the variable's value may not be replaced: only the old key, the new one, an empty slot, or absent where allowed may be. */
function valueProblem(target: DotenvTarget, value: string | null, keys: SwapKeys): string | null {
  const at = { field: 'variable' as const, path: target.file, variable: target.variable };
  if (value === null) return target.createVariable ? null : refusalReason(problem('target.variable.missing', at));
  // An empty assignment (`VAR=`) is a slot waiting for a key, not somebody else's key.
  if (value !== '' && value !== keys.oldSecret && value !== keys.newSecret) return refusalReason(problem('target.variable.foreign-value', at));
  return null;
}

export async function checkDotenvTarget(target: DotenvTarget, keys: SwapKeys): Promise<string | null> {
  try {
    const current = await readDotenvTarget(target.file, target.variable, target.linkTo ?? target.file);
    return valueProblem(target, current.value, keys);
  } catch (error) {
    return reasonOf(error, 'cannot be read');
  }
}

export async function writeDotenvSwap(target: DotenvTarget, swap: SwapWrite): Promise<SwapOutcome> {
  try {
    // Every file check runs again here: the file may have been replaced since the target was added.
    const expectedResolved = target.linkTo ?? target.file;
    const current = await readDotenvTarget(target.file, target.variable, expectedResolved);
    if (current.value === swap.newSecret) return { ok: true, detail: 'already holds the new key' };
    const problem = valueProblem(target, current.value, swap);
    if (problem) return { ok: false, detail: problem };
    // The backup holds the file as it was before this rotation: a second target in the same file
    // (or a resume) does not replace it with a state that already holds the new key.
    const alreadyBackedUp = swap.hasBackup(backupPathOf(current.resolved, swap.backupTag));
    await writeDotenvTarget({
      file: target.file,
      variable: target.variable,
      value: swap.newSecret,
      expectedResolved,
      createVariable: target.createVariable === true,
      expectedSha256: current.sha256,
      ...(alreadyBackedUp ? {} : { backupTag: swap.backupTag }),
      onBackup: swap.onBackup,
    });
    return { ok: true, detail: current.value === null ? 'the variable was added' : 'the new key was written' };
  } catch (error) {
    return { ok: false, detail: reasonOf(error, 'writing failed') };
  }
}
