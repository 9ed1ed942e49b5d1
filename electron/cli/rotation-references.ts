import type { ReferenceSite, Rotation, VaultDocument } from '../core/domain/model.js';
import { followingReferences } from './reference-sites.js';

/** The sites of the key that holds the rotated name now: the old key's until verify, the new key's after. */
export function nameHolderSites(doc: VaultDocument, rotation: Rotation): ReferenceSite[] {
  const key = doc.keys.find((k) => k.id === rotation.newKeyId && k.status === 'active') ?? doc.keys.find((k) => k.id === rotation.oldKeyId);
  return key?.referenceSites ?? [];
}

/**
 * The references by name a rotation's swap took care of by doing nothing: the name moves to the
 * new key, so they only need the processes that read them started again. Said once the swap is done.
 */
export function describeFollowingReferences(doc: VaultDocument, rotation: Rotation): string {
  return rotation.steps.swap.status === 'done' ? followingReferences(nameHolderSites(doc, rotation)) : '';
}
