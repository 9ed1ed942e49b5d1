import type { AuditSink } from '../ports/audit-sink.js';
import type { ProblemOf } from '../domain/problems/catalogue.js';
import { fail } from '../domain/problems/problem-error.js';
import { MAX_DAYS, type Environment, type Policy, type VaultDocument } from '../domain/model.js';
import type { Clock } from '../ports/clock.js';
import type { MetadataStore } from '../store/metadata-store.js';
import { findInstance, findKey, instanceRef, keyRef } from '../vault/refs.js';
import { typedBack } from '../domain/problems/params.js';

interface Deps {
  metadata: MetadataStore;
  clock: Clock;
  audit?: AuditSink;
}

/** A key's expiry date as the person typed it: `YYYY-MM-DD`, a real calendar day. */
export function parseDay(value: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) fail('date.invalid', { field: 'expires', value: typedBack(value) });
  return value;
}

/** A provider override only means something for a provider the vault has instances of (a typo would never apply). */
export function checkProviderInVault(doc: VaultDocument, provider: string): void {
  if (!doc.instances.some((i) => i.provider === provider)) fail('policy.provider-not-in-vault', { field: 'provider', provider });
}

/** Whose maximum age a number of days is: a key's (as added, or as changed), or a policy level's for one environment. */
export type DaysOf = ProblemOf<'days.out-of-range'>['which'];

export function checkDays(days: number, which: DaysOf): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) fail('days.out-of-range', { field: 'days', which, max: MAX_DAYS });
  return days;
}

/**
 * A key's own dates: the provider's expiry (Nora's, as chosen in its dashboard) and its own
 * maximum age. `null` clears one. Each change is an audit event.
 */
export async function setKeyDates(deps: Deps, ref: string, change: { expiresOn?: string | null; maxAgeDays?: number | null }): Promise<{ ref: string; expiresOn: string | null; maxAgeDays: number | null }> {
  const expiresOn = change.expiresOn ? parseDay(change.expiresOn) : change.expiresOn;
  const maxAgeDays = change.maxAgeDays ? checkDays(change.maxAgeDays, 'key-max-age') : change.maxAgeDays;
  const result = await deps.metadata.update((doc) => {
    const { record, instance } = findKey(doc, ref);
    const next = { ...record };
    if (expiresOn === null) delete next.expiresOn;
    else if (expiresOn !== undefined) next.expiresOn = expiresOn;
    if (maxAgeDays === null) delete next.maxAgeDays;
    else if (maxAgeDays !== undefined) next.maxAgeDays = maxAgeDays;
    return {
      doc: { ...doc, keys: doc.keys.map((k) => (k.id === record.id ? next : k)) },
      result: { ref: keyRef(instance, next), id: next.id, maskedKey: next.maskedKey, expiresOn: next.expiresOn ?? null, maxAgeDays: next.maxAgeDays ?? null },
    };
  });
  deps.audit?.append({ action: 'settings.change', keyId: result.id, maskedKey: result.maskedKey, outcome: 'ok', detail: `${result.ref}: expires ${result.expiresOn ?? 'never'}, max age ${result.maxAgeDays ? `${result.maxAgeDays} d` : 'from policy'}` });
  return { ref: result.ref, expiresOn: result.expiresOn, maxAgeDays: result.maxAgeDays };
}

export interface PolicyChange {
  /** Which level: the default, one provider, or one instance (PROVIDER/ORG/INSTANCE). */
  scope: { kind: 'default' } | { kind: 'provider'; provider: string } | { kind: 'instance'; ref: string };
  /** Days per environment; an instance has one environment, so one number. `null` clears the override. */
  days: Partial<Record<Environment, number | null>> | number | null;
}

/** Sets a maximum age at one level of the policy. */
export async function setPolicy(deps: Deps, change: PolicyChange): Promise<Policy> {
  const policy = await deps.metadata.update((doc) => {
    const current: Policy = doc.policy ?? {};
    let next: Policy;
    let described: string;
    if (change.scope.kind === 'instance') {
      const instance = findInstance(doc, change.scope.ref);
      const days = typeof change.days === 'number' ? checkDays(change.days, 'maximum-age') : change.days === null ? null : (change.days[instance.env] ?? null);
      const instances = { ...current.instances };
      if (days === null) delete instances[instance.id];
      else instances[instance.id] = checkDays(days, 'maximum-age');
      next = { ...current, instances };
      described = `${instanceRef(instance)}: ${days === null ? 'no override' : `${days} d`}`;
    } else {
      if (typeof change.days === 'number' || change.days === null) fail('policy.days-per-environment', { field: 'days' });
      const days = change.days;
      const merge = (base: Partial<Record<Environment, number>> | undefined) => {
        const out: Partial<Record<Environment, number>> = { ...base };
        for (const env of ['production', 'sandbox'] as const) {
          const value = days[env];
          if (value === null) delete out[env];
          else if (value !== undefined) out[env] = checkDays(value, env);
        }
        return out;
      };
      if (change.scope.kind === 'default') {
        const merged = merge(current.defaults);
        next = { ...current, defaults: { production: merged.production ?? 90, sandbox: merged.sandbox ?? 180 } };
        described = `default: production ${next.defaults?.production} d, sandbox ${next.defaults?.sandbox} d`;
      } else {
        const provider = change.scope.provider;
        checkProviderInVault(doc, provider);
        next = { ...current, providers: { ...current.providers, [provider]: merge(current.providers?.[provider]) } };
        described = `${provider}: ${JSON.stringify(next.providers?.[provider])}`;
      }
    }
    return { doc: { ...doc, policy: next }, result: { next, described } };
  });
  deps.audit?.append({ action: 'settings.change', outcome: 'ok', detail: `max age ${policy.described}` });
  return policy.next;
}
