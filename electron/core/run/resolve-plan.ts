import type { VaultDocument } from '../domain/model.js';
import { fail } from '../domain/problems/problem-error.js';
import { typedBack } from '../domain/problems/typed-back.js';
import { lookupOf, REFERENCE_FORM, tryParseReference } from '../references/reference.js';
import { guardEnvironment, readReferencedSecret, resolveReference, type ResolvedReference } from '../references/resolve.js';
import type { SecretStore } from '../ports/secret-store.js';
import type { EnvPlan, PlannedVariable } from './env-plan.js';

/** A planned reference and the key it names. */
export interface ResolvedVariable {
  planned: PlannedVariable;
  resolved: ResolvedReference;
}

/**
 * Every reference of the plan, found in the vault and held to the declared environment: metadata
 * only, so a bad reference anywhere stops the run before the keychain is asked for anything.
 * `readForKeys` gives, in one read, enough of the document to find the key each lookup (a ref or a
 * key id) names.
 */
export async function resolvePlan(plan: EnvPlan, readForKeys: (lookups: readonly string[]) => VaultDocument | Promise<VaultDocument>): Promise<ResolvedVariable[]> {
  const references: { planned: PlannedVariable; reference: string; lookup: string }[] = [];
  for (const planned of plan.variables) {
    if (planned.value.kind !== 'reference') continue;
    const { reference } = planned.value;
    const parsed = tryParseReference(reference);
    if (!parsed) fail('reference.malformed', { field: 'ref', value: typedBack(reference), form: REFERENCE_FORM, ...planned.use });
    references.push({ planned, reference, lookup: lookupOf(parsed) });
  }
  if (references.length === 0) return [];
  const doc = await readForKeys([...new Set(references.map((r) => r.lookup))]);
  return references.map(({ planned, reference }) => {
    const key = resolveReference(doc, reference, planned.use);
    guardEnvironment(key, plan.declared, planned.use);
    return { planned, resolved: key };
  });
}

/**
 * The secret of each resolved variable (variable → secret), each key read once, in the plan's
 * order, so the first failure is the one reported and a locked keychain is asked once. One after
 * the other on purpose: the Secret Service answers one client's reads in turn, and reads sent at
 * once from libuv's threads (keytar) each open a session of their own, which measured slower.
 */
export async function readPlanSecrets(secrets: SecretStore, keychainService: string, variables: readonly ResolvedVariable[]): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  const byVariable = new Map<string, string>();
  for (const { planned, resolved } of variables) {
    let secret = byKey.get(resolved.record.id);
    if (secret === undefined) {
      secret = await readReferencedSecret(secrets, keychainService, resolved, planned.use);
      byKey.set(resolved.record.id, secret);
    }
    byVariable.set(planned.variable, secret);
  }
  return byVariable;
}
