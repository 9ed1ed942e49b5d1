import type { AuditSink } from '../ports/audit-sink.js';
import { fail } from '../domain/problems/problem-error.js';
import { builtinProfiles, resolveProfile } from '../providers/registry.js';
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
 * verify call is configurable (the profile's `verifyPathSetting`) have one.
 */
export async function setInstanceVerifyPath(deps: Deps, ref: string, path: string | null): Promise<{ ref: string; verifyUrl: string }> {
  const checked = path === null ? null : (checkVerifyPath(path) ?? null);
  const result = await deps.metadata.update((doc) => {
    const instance = findInstance(doc, ref);
    const profile = resolveProfile(instance.provider, doc.customProviders);
    if (!profile.verifyPathSetting) {
      const configurable = builtinProfiles.filter((p) => p.verifyPathSetting).map((p) => p.displayName);
      fail('instance.verify-path-fixed', { field: 'verifyPath', ref: instanceRef(instance), provider: profile.displayName, configurable });
    }
    const next = { ...instance };
    if (checked === null) delete next.verifyPath;
    else next.verifyPath = checked;
    const verifyUrl = profile.verifyUrl(next);
    return { doc: { ...doc, instances: doc.instances.map((i) => (i.id === next.id ? next : i)) }, result: { ref: instanceRef(next), verifyUrl } };
  });
  deps.audit?.append({ action: 'settings.change', outcome: 'ok', detail: `${result.ref}: verify call ${result.verifyUrl}` });
  return result;
}
