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
 * The secret of each resolved variable (variable → secret), each key read once. The reads run
 * together; when any fails, the first failure in the plan's order is the one reported, so the
 * message does not depend on which read the keychain answered first.
 */
export async function readPlanSecrets(secrets: SecretStore, keychainService: string, variables: readonly ResolvedVariable[]): Promise<Map<string, string>> {
  const reads = new Map<string, Promise<string>>();
  const pending = variables.map(({ planned, resolved }) => {
    let read = reads.get(resolved.record.id);
    if (!read) {
      read = readReferencedSecret(secrets, keychainService, resolved, planned.use);
      reads.set(resolved.record.id, read);
    }
    return read;
  });
  const settled = await Promise.allSettled(pending);
  const byVariable = new Map<string, string>();
  settled.forEach((outcome, i) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    byVariable.set((variables[i] as ResolvedVariable).planned.variable, outcome.value);
  });
  return byVariable;
}
