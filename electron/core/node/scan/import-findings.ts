import type { Problem } from '../../domain/problems/catalogue.js';
import { isProblem } from '../../domain/problems/problem-error.js';
import type { Vault } from '../vault/vault.js';
import { instanceRef } from '../../vault/refs.js';
import type { ImportOutcome } from '../../scan/finding.js';
import { noInstance, planImport, type Classified } from '../../scan/import-plan.js';

export type { ImportOutcome } from '../../scan/finding.js';


/** Why a file is refused as a swap target, when the refusal is about the file (bad input), not a failure. */
function refusal(error: unknown): Problem | null {
  return isProblem(error) && error.kind === 'input' ? error.problem : null;
}

/** Adds the keys a scan found that the vault lacks, each with the files it was found in as swap targets. */
export async function importFindings(vault: Vault, classified: readonly Classified[], cwd: string): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], skipped: [] };
  for (const plan of planImport(classified, vault.read())) {
    const first = plan.findings[0];
    if (!first) continue;
    if (!plan.instance) {
      outcome.skipped.push({ maskedKey: first.maskedKey, problem: plan.problem ?? noInstance(first) });
      continue;
    }
    const { key } = await vault.addKey({ instanceRef: instanceRef(plan.instance), name: plan.name, secret: first.secret });
    // A file the swap would refuse does not undo the key's import: the key is stored, the file is named with why.
    const refusedTargets: { file: string; problem: Problem }[] = [];
    for (const target of plan.targets) {
      try {
        await vault.addTarget(key.ref, target, cwd);
      } catch (error) {
        const refused = refusal(error);
        if (refused === null) throw error;
        refusedTargets.push({ file: target.file, problem: refused });
      }
    }
    outcome.imported.push({ ref: key.ref, targets: plan.targets.length - refusedTargets.length, refusedTargets });
  }
  return outcome;
}
