import type { AuditSink } from '../node/audit/audit-log.js';
import { fail } from '../domain/problems/problem-error.js';
import { resolveProfile } from '../providers/registry.js';
import type { MetadataStore } from '../store/metadata-store.js';
import { checkVerifyPath } from './instance-input.js';
import { findInstance, instanceRef } from './refs.js';

interface Deps {
  metadata: MetadataStore;
  audit?: AuditSink;
}

/**
 * Changes (or, with null, clears) an instance's verify path: how a mistyped path, which makes every
 * verification `unknown` (404) and stops rotations at verify, is put right. Only providers whose
 * verify call is configurable (Nora, the ones you describe) have one.
 */
export async function setInstanceVerifyPath(deps: Deps, ref: string, path: string | null): Promise<{ ref: string; verifyUrl: string }> {
  const checked = path === null ? null : (checkVerifyPath(path) ?? null);
  const result = await deps.metadata.update((doc) => {
    const instance = findInstance(doc, ref);
    const configurable = instance.provider === 'nora' || instance.provider.startsWith('custom:');
    if (!configurable) fail('instance.verify-path-fixed', { field: 'verifyPath', ref: instanceRef(instance), provider: instance.provider });
    const next = { ...instance };
    if (checked === null) delete next.verifyPath;
    else next.verifyPath = checked;
    const verifyUrl = resolveProfile(next.provider, doc.customProviders).verifyUrl(next);
    return { doc: { ...doc, instances: doc.instances.map((i) => (i.id === next.id ? next : i)) }, result: { ref: instanceRef(next), verifyUrl } };
  });
  deps.audit?.append({ action: 'settings.change', outcome: 'ok', detail: `${result.ref}: verify call ${result.verifyUrl}` });
  return result;
}
