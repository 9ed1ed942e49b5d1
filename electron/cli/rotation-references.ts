import type { ReferenceSite, Rotation, VaultDocument } from '../core/domain/model.js';
import { findKey } from '../core/vault/refs.js';
import { siteWhere } from './reference-sites.js';

/** The sites of the key that holds the rotated name now: the old key's until verify, the new key's after. */
export function nameHolderSites(doc: VaultDocument, rotation: Rotation): ReferenceSite[] {
  const key = doc.keys.find((k) => k.id === rotation.newKeyId && k.status === 'active') ?? doc.keys.find((k) => k.id === rotation.oldKeyId);
  return key?.referenceSites ?? [];
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'reference follows' : 'references follow'}`;
}

/**
 * The references by name a rotation takes care of by doing nothing: the name moves to the new key
 * at verify, so they need no file change, only the processes that read them (`keyturn run`) started
 * again — after the verify, not before: until then the name still gives the old key. Empty when
 * there are none, or before the swap.
 */
export function describeFollowingReferences(doc: VaultDocument, rotation: Rotation): string {
  if (rotation.steps.swap.status !== 'done') return '';
  const byName = nameHolderSites(doc, rotation).filter((s) => s.by === 'name');
  if (byName.length === 0) return '';
  const them = byName.length === 1 ? 'it' : 'them';
  const head =
    rotation.steps.verify.status === 'done'
      ? `${count(byName.length)} automatically; restart the processes that use ${them}:`
      : `${count(byName.length)} automatically once the new key is verified (until then ${byName.length === 1 ? 'it names' : 'they name'} the old key); restart the processes that use ${them} after that:`;
  return `${head}\n${byName.map((s) => `  ${siteWhere(s)}\n`).join('')}`;
}

/** The rotation of a key in progress now (the key given as the old one or the new one), if any. */
export function rotationOfKey(doc: VaultDocument, keyId: string): Rotation | undefined {
  return doc.rotations.find((r) => r.state === 'in-progress' && (r.oldKeyId === keyId || r.newKeyId === keyId));
}

/** The id of the key a rotate command is about, before anything runs (its ref may name another key once the name moves). */
export function keyIdOf(doc: VaultDocument, ref: string): string {
  return findKey(doc, ref).record.id;
}
