import { createHash } from 'node:crypto';
import { SEGMENT_MAX_LENGTH, type VaultDocument } from '../domain/model.js';

/**
 * The names a rotation gives its keys. The role of a pending or previous key is in its status
 * (and rotatedFrom / replacedBy); the name only has to be readable, unique in its instance, and
 * never longer than a key name may be, whatever the length of the name being rotated.
 */

const PENDING_SUFFIX = '.next';
/** A tag that keeps a shortened name unique: "-" and 6 hex digits. */
const TAG_LENGTH = 7;
/** The dated part of a provider key's name: "-2026-12-01-1a2b3c". */
const PROVIDER_SUFFIX_LENGTH = 18;

/** The pending key's name: `<name>.next`, or the name shortened and tagged when that is too long or taken. */
export function pendingKeyName(doc: VaultDocument, instanceId: string, keyId: string, base: string): string {
  return fitted(base, PENDING_SUFFIX, takenIn(doc, instanceId, keyId), keyId);
}

/** The old key's name once replaced: `<name>.previous-YYYYMMDD-HHMM`, shortened and tagged the same way. */
export function previousKeyName(doc: VaultDocument, instanceId: string, keyId: string, base: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return fitted(base, `.previous-${stamp}`, takenIn(doc, instanceId, keyId), keyId);
}

/**
 * The new key's name at the provider: `<name>-<date>-<id6>`, unique by the rotation's id (how a
 * create whose answer was lost is found again), at most 64 characters: Nexora's documents give no
 * limit, so Keyturn keeps to the length of its own names.
 */
export function providerKeyNameFor(base: string, startedAt: string, rotationId: string): string {
  return `${base.slice(0, SEGMENT_MAX_LENGTH - PROVIDER_SUFFIX_LENGTH)}-${startedAt.slice(0, 10)}-${rotationId.slice(0, 6)}`;
}

function takenIn(doc: VaultDocument, instanceId: string, keyId: string): (name: string) => boolean {
  const names = new Set(doc.keys.filter((k) => k.instanceId === instanceId && k.id !== keyId).map((k) => k.name));
  return (name) => names.has(name);
}

/**
 * `base + suffix` when it fits and is free; else the base cut short to leave room for a tag
 * derived from the base, the key's id and an attempt number, tried until the name is free.
 */
function fitted(base: string, suffix: string, taken: (name: string) => boolean, salt: string): string {
  const plain = `${base}${suffix}`;
  if (plain.length <= SEGMENT_MAX_LENGTH && !taken(plain)) return plain;
  for (let attempt = 0; ; attempt++) {
    const tag = `-${createHash('sha256').update(`${base}\0${salt}\0${attempt}`).digest('hex').slice(0, TAG_LENGTH - 1)}`;
    const candidate = `${base.slice(0, SEGMENT_MAX_LENGTH - suffix.length - TAG_LENGTH)}${tag}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
