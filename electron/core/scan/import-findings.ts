import { UserInputError } from '../domain/errors.js';
import { isProblem } from '../domain/problems/problem-error.js';
import { reasonOf } from '../targets/reasons.js';
import type { Vault } from '../vault/vault.js';
import { instanceRef } from '../vault/refs.js';
import { planImport, type Classified } from './import-plan.js';

export interface ImportOutcome {
  /** `refusedTargets`: files the key was found in that cannot be swap targets (a link, a hard link, read-only), with why. */
  imported: { ref: string; targets: number; refusedTargets: { file: string; reason: string }[] }[];
  skipped: { maskedKey: string; reason: string }[];
}

/** Adds the keys a scan found that the vault lacks, each with the files it was found in as swap targets. */
export async function importFindings(vault: Vault, classified: readonly Classified[], cwd: string): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], skipped: [] };
  for (const plan of planImport(classified, vault.read())) {
    const first = plan.findings[0];
    if (!plan.instance || !first) {
      outcome.skipped.push({ maskedKey: first?.maskedKey ?? '', reason: plan.reason ?? 'no instance fits' });
      continue;
    }
    const { key } = await vault.addKey({ instanceRef: instanceRef(plan.instance), name: plan.name, secret: first.secret });
    // A file the swap would refuse does not undo the key's import: the key is stored, the file is named with why.
    const refusedTargets: { file: string; reason: string }[] = [];
    for (const target of plan.targets) {
      try {
        await vault.addTarget(key.ref, target, cwd);
      } catch (error) {
        // A refusal is a problem of bad input (the file, not the import, is wrong): worded as the journal words it.
        if (!(error instanceof UserInputError) && !(isProblem(error) && error.kind === 'input')) throw error;
        refusedTargets.push({ file: target.file, reason: reasonOf(error, 'refused') });
      }
    }
    outcome.imported.push({ ref: key.ref, targets: plan.targets.length - refusedTargets.length, refusedTargets });
  }
  return outcome;
}
