import { maskSecret } from '../crypto/fingerprint.js';
import type { KeyShapeProblem } from '../domain/problems/key-shape.js';
import { problem } from '../domain/problems/problem-error.js';
import type { KeyContext, ProviderProfile } from './profile.js';

/**
 * Everything a key's own shape says about whether it fits a provider and an instance: the
 * profile's format check, then its longest key (a page or a 20 KB header pasted by mistake is
 * refused as "not a key", never stored or sent to the provider).
 */
export function keyShapeProblem(profile: ProviderProfile, secret: string, context: KeyContext): KeyShapeProblem | null {
  return (
    profile.checkKey(secret, context) ??
    (secret.length > profile.maxKeyLength ? problem('key.too-long', { field: 'secret', provider: profile.displayName, actual: secret.length, max: profile.maxKeyLength }) : null)
  );
}

/** A key as this provider's dashboard shows it: its visible prefix, a few characters, an ellipsis. */
export function maskKey(profile: ProviderProfile, secret: string): string {
  return maskSecret(secret, profile.visiblePrefix(secret), profile.shownAfterPrefix);
}
