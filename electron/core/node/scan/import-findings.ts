import type { Problem } from '../../domain/problems/catalogue.js';
import { isProblem } from '../../domain/problems/problem-error.js';
import { referenceFor } from '../../references/reference.js';
import type { Vault } from '../vault/vault.js';
import { instanceRef } from '../../vault/refs.js';
import type { Finding, ImportOutcome, ReplacedValue } from '../../scan/finding.js';
import { noInstance, planImport, type Classified } from '../../scan/import-plan.js';
import { replaceWithReference } from './replace-with-reference.js';

export type { ImportOutcome } from '../../scan/finding.js';

export interface ImportOptions {
  /**
   * Rewrite each imported plaintext value as the key's `keyturn://` reference (the file becomes a
   * reference site of the key, not a swap target), each file backed up under `<file>.keyturn-backup-<backupTag>`.
   */
  replaceWithReferences?: { backupTag: string };
}

/** Why a file is refused as a swap target, when the refusal is about the file (bad input), not a failure. */
function refusal(error: unknown): Problem | null {
  return isProblem(error) && error.kind === 'input' ? error.problem : null;
}

/**
 * Adds the keys a scan found that the vault lacks, each with the files it was found in as swap
 * targets, or, with `replaceWithReferences`, with those files rewritten to name it by reference.
 */
export async function importFindings(vault: Vault, classified: readonly Classified[], cwd: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], skipped: [] };
  const backedUp = new Set<string>();
  for (const plan of planImport(classified, vault.read())) {
    const first = plan.findings[0];
    if (!first) continue;
    if (!plan.instance) {
      outcome.skipped.push({ maskedKey: first.maskedKey, problem: plan.problem ?? noInstance(first) });
      continue;
    }
    const { key } = await vault.addKey({ instanceRef: instanceRef(plan.instance), name: plan.name, secret: first.secret });
    const replace = options.replaceWithReferences;
    if (replace) {
      const { replaced, notReplaced } = await replaceAll(plan.findings, referenceFor(key.ref), { backupTag: replace.backupTag, backedUp });
      outcome.imported.push({ ref: key.ref, targets: 0, refusedTargets: [], replaced, notReplaced });
      continue;
    }
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

/**
 * Each variable the key was found in, rewritten as its reference; a file refused (a link, a hard
 * link, read-only, changed since) is named with why and left exactly as it was.
 */
async function replaceAll(findings: readonly Finding[], reference: string, backup: { backupTag: string; backedUp: Set<string> }) {
  const replaced: ReplacedValue[] = [];
  const notReplaced: { file: string; problem: Problem }[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    // A key in a source file, JSON or YAML is no variable of a .env file: nothing to rewrite there.
    if (f.variable === null) continue;
    // The same variable on two lines of a file is one rewrite (the writer sets every line of it).
    const slot = JSON.stringify([f.file, f.variable]);
    if (seen.has(slot)) continue;
    seen.add(slot);
    try {
      const variable = f.variable;
      const { lines, backupPath } = await replaceWithReference({ file: f.file, variable, secret: f.secret, reference, ...backup });
      replaced.push({ file: f.file, variable, lines, reference, backupPath });
    } catch (error) {
      const refused = refusal(error);
      if (refused === null) throw error;
      notReplaced.push({ file: f.file, problem: refused });
    }
  }
  return { replaced, notReplaced };
}
