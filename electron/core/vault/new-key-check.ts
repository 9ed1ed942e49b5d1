import { fingerprintOf } from '../crypto/fingerprint.js';
import type { KeyShapeProblem } from '../domain/problems/key-shape.js';
import { problem } from '../domain/problems/problem-error.js';
import type { NewKeyProblem } from '../domain/problems/vault.js';
import { keyShapeProblem, maskKey } from '../providers/key-shape.js';
import type { ProviderProfile } from '../providers/profile.js';
import { normalizePastedSecret } from './key-input.js';
import type { Instance, VaultDocument } from '../domain/model.js';
import { keyRef } from './refs.js';

/** Why a key cannot join an instance: its shape, or a stored key that is the same key. */
export type NewKeyRefusal = KeyShapeProblem | NewKeyProblem;

export interface NewKeyCheck {
  /** What is wrong with the key for this instance (each host words it); null when it can be stored. */
  refusal: NewKeyRefusal | null;
  warnings: string[];
  secret: string;
  fingerprint: string;
  maskedKey: string;
}

/**
 * Everything that decides whether a pasted key may join an instance: length, format, environment,
 * organization, and that no stored key has the same fingerprint (for a rotation's new key: not its old key). Shared by `key add`, the
 * rotation's new key and the renderer's live validation, so they can never disagree.
 */
export function checkNewKey(doc: VaultDocument, profile: ProviderProfile, instance: Instance, pasted: string, rotation?: { oldKeyId: string }): NewKeyCheck {
  const { secret, trimmed } = normalizePastedSecret(pasted);
  const warnings = trimmed ? ['whitespace around the pasted key was removed'] : [];
  const fingerprint = fingerprintOf(secret);
  const maskedKey = maskKey(profile, secret);
  const checked = (refusal: NewKeyRefusal | null): NewKeyCheck => ({ refusal, warnings, secret, fingerprint, maskedKey });
  // A page or a header pasted by mistake is not a key, whatever it starts with: it is never stored or sent.
  const shape = keyShapeProblem(profile, secret, { org: instance.org, env: instance.env });
  if (shape) return checked(shape);
  const twin = doc.keys.find((k) => k.fingerprint === fingerprint);
  if (twin) {
    const owner = doc.instances.find((i) => i.id === twin.instanceId);
    // A rotation's old key pasted again (the dashboard's old key copied by mistake): said as such.
    if (rotation && twin.id === rotation.oldKeyId) return checked(problem('new-key.same-as-old', { field: 'secret', ref: owner ? keyRef(owner, twin) : twin.id }));
    return checked(problem('new-key.already-stored', { field: 'secret', where: owner ? keyRef(owner, twin) : twin.id }));
  }
  return checked(null);
}
