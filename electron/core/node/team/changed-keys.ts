import type { VaultDocument } from '../../domain/model.js';

/** Structural equality of two JSON values; identical objects (the store's frozen records a change did not touch) answer at once. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * Which keys' team rows a change may have changed: 'all' when an instance or the policy changed
 * (a row carries its instance's names and the maximum age that applies), else each key whose
 * record was added, removed or changed, and the new key of each rotation that changed (a row shows
 * its last rotation). An empty list: nothing the team sees (a reminder, a custom provider).
 */
export function changedKeys(before: VaultDocument, after: VaultDocument): string[] | 'all' {
  if (!sameJson(before.instances, after.instances) || !sameJson(before.policy, after.policy)) return 'all';
  const changed = new Set<string>();
  const previous = new Map(before.keys.map((k) => [k.id, k]));
  for (const key of after.keys) {
    const old = previous.get(key.id);
    previous.delete(key.id);
    if (!old || !sameJson(old, key)) changed.add(key.id);
  }
  for (const id of previous.keys()) changed.add(id);
  if (before.rotations !== after.rotations) {
    const rotations = new Map(before.rotations.map((r) => [r.id, r]));
    for (const rotation of after.rotations) {
      const old = rotations.get(rotation.id);
      rotations.delete(rotation.id);
      if (!old || !sameJson(old, rotation)) changed.add(rotation.newKeyId);
    }
    for (const gone of rotations.values()) changed.add(gone.newKeyId);
  }
  return [...changed];
}
