import type { KeyRecord, Rotation, VaultDocument } from '../domain/model.js';
import { splitReferenceSites, withReferenceSites } from '../references/sites.js';

/**
 * Whether the old key's revoke has started: from then on a rotation can only be finished. An
 * in-place rotation's create is its revoke (the provider invalidates the old key as it rotates it).
 */
export function revokeStarted(rotation: Rotation): boolean {
  if (rotation.steps.revoke.startedAt !== undefined || rotation.steps.revoke.status === 'done') return true;
  return rotation.inPlace && rotation.steps.create.status !== 'waiting';
}

/**
 * The document without the rotation's pending key, and with the old key current again: when the
 * verify step had already made the new key current (it took the old key's name and swap targets),
 * the old key takes them back.
 */
export function dropPendingKey(doc: VaultDocument, rotation: Rotation): VaultDocument {
  const newKey = doc.keys.find((k) => k.id === rotation.newKeyId);
  const promoted = newKey?.status === 'active';
  const keys = doc.keys.flatMap((k): KeyRecord[] => {
    if (k.id === rotation.newKeyId) return [];
    if (k.id !== rotation.oldKeyId || !promoted || !newKey) return [k];
    const { replacedBy: _replacedBy, ...old } = k;
    // The name's reference sites come back with the name; those by id never left.
    const sites = [...splitReferenceSites(newKey.referenceSites).byName, ...splitReferenceSites(old.referenceSites).byId];
    return [withReferenceSites({ ...old, name: newKey.name, status: 'active', targets: newKey.targets }, sites)];
  });
  return { ...doc, keys };
}
