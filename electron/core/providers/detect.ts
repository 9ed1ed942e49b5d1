import type { Environment } from '../domain/model.js';
import type { ProviderProfile } from './profile.js';
import { builtinProfiles } from './registry.js';

export interface DetectedProvider {
  profile: ProviderProfile;
  environment: Environment | null;
  /** The organization the key names (Xerotier's project slug), when it names one. */
  org: string | null;
}

/**
 * Which built-in provider a string is a key of, by each profile's own format check. The context a
 * check needs comes from the key itself: Nora's environment from its prefix, Xerotier's slug.
 */
export function detectProvider(secret: string): DetectedProvider | null {
  for (const profile of builtinProfiles) {
    // Past the provider's longest key it is a blob that happens to start like one, not a key.
    if (secret.length > profile.maxKeyLength) continue;
    const environment = profile.environmentOf(secret);
    const org = profile.id === 'xerotier' ? (/^xero_(.+?)_[A-Za-z0-9_-]{6,}$/.exec(secret)?.[1] ?? null) : null;
    if (profile.checkKey(secret, { env: environment ?? 'production', org: org ?? '' }) === null) return { profile, environment, org };
  }
  return null;
}
