import type { Target, VaultDocument } from '../../domain/model.js';
import { fail } from '../../domain/problems/problem-error.js';
import { describeTarget } from '../../targets/describe.js';
import type { NewTarget } from '../../targets/kinds.js';
import { inspectDotenvFile } from '../targets/kinds/dotenv/make.js';
import type { DotenvFileCheck } from '../targets/kinds/dotenv/file-checks.js';
import { makeTargetOfKind, sameTarget } from '../targets/registry.js';
import { findKey, keyRef } from '../../vault/refs.js';
import { resolveReference } from '../../references/resolve.js';
import type { TargetKey } from '../../targets/kind-module.js';

export type { NewTarget };

/** Where a .env path really leads and whether Keyturn will write it; a relative path is taken from `cwd`. */
export function inspectTargetFile(file: string, cwd: string): Promise<DotenvFileCheck> {
  return inspectDotenvFile(file, cwd);
}

/**
 * Checks a target definition and gives it an id, as its kind does (a relative .env path is taken
 * from `cwd` and stored absolute; a file is checked as the swap will check it again before writing).
 */
export function makeTarget(input: NewTarget, id: string, cwd: string, key?: TargetKey): Promise<Target> {
  return makeTargetOfKind(input, id, cwd, key);
}

/** The key `ref` names, as a kind whose target names it checks it (an inject template must reference it). */
export function targetKeyOf(doc: VaultDocument, ref: string): TargetKey {
  const { record, instance } = findKey(doc, ref);
  return { keyId: record.id, ref: keyRef(instance, record), keyIdOf: (reference, use) => resolveReference(doc, reference, use).record.id };
}

export function addTargetTo(doc: VaultDocument, ref: string, target: Target): VaultDocument {
  const { record, instance } = findKey(doc, ref);
  const same = record.targets.find((t) => sameTarget(t, target));
  if (same) fail('target.duplicate', { ref: keyRef(instance, record), where: describeTarget(target).where, id: same.id });
  return { ...doc, keys: doc.keys.map((k) => (k.id === record.id ? { ...k, targets: [...k.targets, target] } : k)) };
}

export function removeTargetFrom(doc: VaultDocument, ref: string, targetId: string): { doc: VaultDocument; removed: Target } {
  const { record, instance } = findKey(doc, ref);
  const removed = record.targets.find((t) => t.id === targetId || t.id.startsWith(targetId));
  if (!removed) fail('target.not-found', { ref: keyRef(instance, record), targetId });
  return { doc: { ...doc, keys: doc.keys.map((k) => (k.id === record.id ? { ...k, targets: k.targets.filter((t) => t.id !== removed.id) } : k)) }, removed };
}
