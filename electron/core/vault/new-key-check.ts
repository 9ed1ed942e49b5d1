import { fingerprintOf } from '../crypto/fingerprint.js';
import type { Problem } from '../domain/problems/catalogue.js';
import { problem } from '../domain/problems/problem-error.js';
import { keyShapeProblem, maskKey } from '../providers/key-shape.js';
import { legacyKeyShapeText } from '../providers/legacy-text.js';
import type { ProviderProfile } from '../providers/profile.js';
import { normalizePastedSecret } from './key-input.js';
import type { Instance, VaultDocument } from '../domain/model.js';
import { keyRef } from './refs.js';

export interface NewKeyCheck {
  /** What is wrong with the key for this instance; null when it can be stored. */
  refusal: Problem | null;
  /**
   * TRANSITIONAL: the refusal as today's sentence, for the callers that still show a string (the
   * rotation's step reasons, the Add key dialog's live check). It goes when they word `refusal`.
   */
  problem: string | null;
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
  const checked = (refusal: Problem | null): NewKeyCheck => ({ refusal, problem: refusal && sentenceOf(refusal), warnings, secret, fingerprint, maskedKey });
  // A page or a header pasted by mistake is not a key, whatever it starts with: it is never stored or sent.
  const shape = keyShapeProblem(profile, secret, { org: instance.org, env: instance.env });
  if (shape) return checked(shape);
  const twin = doc.keys.find((k) => k.fingerprint === fingerprint);
  if (twin) {
    const owner = doc.instances.find((i) => i.id === twin.instanceId);
    return checked(problem('new-key.already-stored', { field: 'secret', where: owner ? keyRef(owner, twin) : twin.id }));
  }
  return checked(null);
}

/** TRANSITIONAL (see NewKeyCheck.problem): today's sentence for a refusal of this check. */
function sentenceOf(refusal: Problem): string {
  switch (refusal.code) {
    case 'new-key.already-stored':
      return `this key is already stored as ${refusal.where}`;
    case 'legacy.input':
      return refusal.text;
    default:
      if (refusal.code.startsWith('key.')) return legacyKeyShapeText(refusal as Parameters<typeof legacyKeyShapeText>[0]);
      return refusal.code;
  }
}
