import { fingerprintOf } from '../crypto/fingerprint.js';
import type { KeyShapeProblem } from '../domain/problems/key-shape.js';
import { keyShapeProblem, maskKey } from '../providers/key-shape.js';
import { legacyKeyShapeText } from '../providers/legacy-text.js';
import type { ProviderProfile } from '../providers/profile.js';
import { normalizePastedSecret } from './key-input.js';
import type { Instance, VaultDocument } from '../domain/model.js';
import { keyRef } from './refs.js';

export interface NewKeyCheck {
  /** What is wrong with the key for this instance, in words; null when it can be stored. */
  problem: string | null;
  /** What is wrong with the key's shape, as a problem, when that is what `problem` says. */
  shape?: KeyShapeProblem;
  warnings: string[];
  secret: string;
  fingerprint: string;
  maskedKey: string;
}

/**
 * Everything that decides whether a pasted key may join an instance: length, format, environment,
 * organization, and that no stored key has the same fingerprint. Shared by `key add`, the
 * rotation's new key and the renderer's live validation, so they can never disagree.
 */
export function checkNewKey(doc: VaultDocument, profile: ProviderProfile, instance: Instance, pasted: string): NewKeyCheck {
  const { secret, trimmed } = normalizePastedSecret(pasted);
  const warnings = trimmed ? ['whitespace around the pasted key was removed'] : [];
  const fingerprint = fingerprintOf(secret);
  const maskedKey = maskKey(profile, secret);
  const shape = keyShapeProblem(profile, secret, { org: instance.org, env: instance.env });
  if (shape) return { problem: legacyKeyShapeText(shape), shape, warnings, secret, fingerprint, maskedKey };
  const twin = doc.keys.find((k) => k.fingerprint === fingerprint);
  if (twin) {
    const owner = doc.instances.find((i) => i.id === twin.instanceId);
    const where = owner ? keyRef(owner, twin) : twin.id;
    return { problem: `this key is already stored as ${where}`, warnings, secret, fingerprint, maskedKey };
  }
  return { problem: null, warnings, secret, fingerprint, maskedKey };
}
