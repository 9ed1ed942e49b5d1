import type { AuditSink } from '../ports/audit-sink.js';
import type { Environment, VaultDocument } from '../domain/model.js';
import type { MetadataStore } from '../store/metadata-store.js';
import { findInstance, instanceRef } from '../vault/refs.js';
import { DEFAULT_MAX_AGE_DAYS } from './key-policy.js';
import { checkProviderInVault } from './policy-changes.js';

/** What the app's Policy dialog shows and saves: the whole policy, and scheduled verification. */
export interface Settings {
  /** Maximum age in days by environment, before any provider, instance or key override. */
  defaults: Record<Environment, number>;
  /** Per provider and environment; an environment left out follows the default. */
  providers: Record<string, Partial<Record<Environment, number>>>;
  /** Per instance (its own environment); instances without one are not listed. */
  instances: { ref: string; env: Environment; days: number }[];
  /** Verify every key on a schedule (hours between runs); null when off (the default). */
  scheduledVerifyHours: number | null;
}

export interface SettingsChange {
  defaults?: Record<Environment, number>;
  /** Replaces every provider override. */
  providers?: Record<string, Partial<Record<Environment, number>>>;
  /** Replaces every instance override; keyed by PROVIDER/ORG/INSTANCE. */
  instances?: Record<string, number>;
  scheduledVerifyHours?: number | null;
}

export function readSettings(doc: VaultDocument): Settings {
  const instances = new Map(doc.instances.map((i) => [i.id, i]));
  return {
    defaults: doc.policy?.defaults ?? DEFAULT_MAX_AGE_DAYS,
    providers: doc.policy?.providers ?? {},
    instances: Object.entries(doc.policy?.instances ?? {}).flatMap(([id, days]) => {
      const instance = instances.get(id);
      return instance ? [{ ref: instanceRef(instance), env: instance.env, days }] : [];
    }),
    scheduledVerifyHours: doc.scheduledVerifyHours ?? null,
  };
}

/** Saves the policy and scheduled verification in one write, as one audit event. */
export async function saveSettings(deps: { metadata: MetadataStore; audit?: AuditSink }, change: SettingsChange): Promise<Settings> {
  const saved = await deps.metadata.update((doc) => {
    const next: VaultDocument = { ...doc, policy: { ...doc.policy } };
    if (change.defaults) next.policy = { ...next.policy, defaults: change.defaults };
    if (change.providers) {
      for (const provider of Object.keys(change.providers)) checkProviderInVault(doc, provider);
      next.policy = { ...next.policy, providers: change.providers };
    }
    if (change.instances) {
      const byId: Record<string, number> = {};
      for (const [ref, days] of Object.entries(change.instances)) byId[findInstance(doc, ref).id] = days;
      next.policy = { ...next.policy, instances: byId };
    }
    if (change.scheduledVerifyHours === null) delete next.scheduledVerifyHours;
    else if (change.scheduledVerifyHours !== undefined) next.scheduledVerifyHours = change.scheduledVerifyHours;
    return { doc: next, result: readSettings(next) };
  });
  const overrides = Object.keys(saved.providers).length + saved.instances.length;
  deps.audit?.append({
    action: 'settings.change',
    outcome: 'ok',
    detail: `max age production ${saved.defaults.production} d, sandbox ${saved.defaults.sandbox} d, ${overrides} override(s); scheduled verification ${saved.scheduledVerifyHours ? `every ${saved.scheduledVerifyHours} h` : 'off'}`,
  });
  return saved;
}
