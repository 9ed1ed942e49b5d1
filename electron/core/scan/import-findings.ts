import type { Vault } from '../vault/vault.js';
import { instanceRef } from '../vault/refs.js';
import { planImport, type Classified } from './import-plan.js';

export interface ImportOutcome {
  imported: { ref: string; targets: number }[];
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
    for (const target of plan.targets) await vault.addTarget(key.ref, target, cwd);
    outcome.imported.push({ ref: key.ref, targets: plan.targets.length });
  }
  return outcome;
}
