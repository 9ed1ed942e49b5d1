import type { Instance, KeyRecord } from '../domain/model.js';
import { referenceById, referenceFor } from '../references/reference.js';
import { splitReferenceSites } from '../references/sites.js';
import { keyRef } from '../vault/refs.js';

/**
 * A rotation's warnings about references that name the old key by its id: unlike those by name,
 * they do not follow the rotation, and stop working once the old key is revoked. Host-neutral:
 * each says where it is and what to write instead (the reference by name, which follows).
 */
export function byIdReferenceWarnings(oldKey: KeyRecord, instance: Instance): string[] {
  const byName = referenceFor(keyRef(instance, oldKey));
  return splitReferenceSites(oldKey.referenceSites).byId.map(
    (s) => `${referenceById(oldKey.id)} in ${s.file}:${s.line}${s.variable ? ` (${s.variable})` : ''} names the old key and will stop working when it is revoked: change it to ${byName}`,
  );
}
