import type { CustomProvider, Environment } from '../domain/model.js';
import { customProfile } from './custom/profile.js';
import type { ProviderProfile } from './profile.js';
import { builtinProfiles } from './registry.js';

export interface DetectedProvider {
  profile: ProviderProfile;
  environment: Environment | null;
  /** The organization the key names (the profile's orgOf), when it names one. */
  org: string | null;
}

/**
 * Which provider a string is a key of, by each profile's own format check: the built-in ones, then
 * the user-defined ones that say what their keys look like (a prefix or a pattern; one that takes
 * any key would claim every word). The context a check needs comes from the key itself, as each
 * profile reads it: an environment from a prefix, an organization from the key.
 */
export function detectProvider(secret: string, customProviders: readonly CustomProvider[] = []): DetectedProvider | null {
  const described = customProviders.filter((c) => Boolean(c.keyPrefix) || Boolean(c.keyPattern)).map(customProfile);
  for (const profile of [...builtinProfiles, ...described]) {
    // Past the provider's longest key it is a blob that happens to start like one, not a key.
    if (secret.length > profile.maxKeyLength) continue;
    const environment = profile.environmentOf(secret);
    const org = profile.orgOf(secret);
    if (profile.checkKey(secret, { env: environment ?? 'production', org: org ?? '' }) === null) return { profile, environment, org };
  }
  return null;
}
