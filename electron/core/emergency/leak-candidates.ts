import { fingerprintOf } from '../crypto/fingerprint.js';
import type { Instance, KeyRecord, VaultDocument } from '../domain/model.js';
import { fail } from '../domain/problems/problem-error.js';
import { keyRef } from '../vault/refs.js';
import { guessRevocation, type ProviderGuess } from './guess.js';
import { keyShapedStrings, MAX_PASTED_TEXT_LENGTH, normalizeLeaked } from './leaked-input.js';

export interface LeakMatch {
  record: KeyRecord;
  instance: Instance;
  ref: string;
}

/**
 * One key found in a paste: a stored one (`match`) or one that only looks like a provider's
 * (`guess`). `secret` is the string itself: it stays in the host, never in a view, message or log.
 */
export interface LeakCandidate {
  secret: string;
  /** The 1-based line of the pasted text it was first seen on. */
  line: number;
  /** The stored key's mask, or the provider's way of masking it: never the secret. */
  masked: string;
  match: LeakMatch | null;
  guess: ProviderGuess | null;
}

/** A paste past the bound is refused before any of it is looked at. */
export function checkPastedSize(pasted: string): void {
  if (pasted.length <= MAX_PASTED_TEXT_LENGTH) return;
  fail('leak.too-long', { field: 'leaked', length: pasted.length, max: MAX_PASTED_TEXT_LENGTH });
}

/**
 * Every stored key (by fingerprint, metadata only, no keychain) and every provider-shaped string in
 * the whole pasted text, in the order they appear, each key once. A guess that holds another
 * finding of its line (`KEY=nxr_…` around `nxr_…`), or lies inside a stored key, is that key, not a
 * second one.
 */
export function findLeakCandidates(doc: VaultDocument, pasted: string): LeakCandidate[] {
  checkPastedSize(pasted);
  const byFingerprint = new Map(doc.keys.map((k) => [k.fingerprint, k]));
  const found: LeakCandidate[] = [];
  for (const { value, line } of keyShapedStrings(pasted)) {
    const record = byFingerprint.get(fingerprintOf(value));
    const instance = record ? doc.instances.find((i) => i.id === record.instanceId) : undefined;
    if (record && instance) {
      found.push({ secret: value, line, masked: record.maskedKey, match: { record, instance, ref: keyRef(instance, record) }, guess: null });
      continue;
    }
    const guess = guessRevocation(value, doc);
    if (guess) found.push({ secret: value, line, masked: guess.masked, match: null, guess });
  }
  // `export VAR=` is an empty slot, not a key Keyturn does not know; but `nxr_… =` (a key where a
  // name would be) holds a key all the same.
  if (found.length === 0 && normalizeLeaked(pasted) === '') fail('leak.empty', { field: 'leaked' });
  // A stored key is never dropped for a guess: `acme_…==` holds the guess `acme_…` (its `=` split off).
  return found.filter((c) => c.match !== null || !found.some((o) => o !== c && o.line === c.line && (c.secret.includes(o.secret) || (o.match !== null && o.secret.includes(c.secret)))));
}
