import { BUILTIN_PROVIDERS, type CustomProvider } from '../domain/model.js';
import { UserInputError } from '../domain/errors.js';
import { CUSTOM_PREFIX, customProfile } from './custom/profile.js';
import { nexoraProfile } from './nexora/profile.js';
import { noraProfile } from './nora/profile.js';
import type { ProviderProfile } from './profile.js';
import { xerotierProfile } from './xerotier/profile.js';
import { xoraProfile } from './xora/profile.js';

export const builtinProfiles: readonly ProviderProfile[] = [xoraProfile, nexoraProfile, noraProfile, xerotierProfile];

/**
 * The profile for a provider id. A user-defined provider may be named plainly (`acme`) or
 * with its prefix (`custom:acme`); built-in names win.
 */
export function resolveProfile(providerId: string, customProviders: readonly CustomProvider[]): ProviderProfile {
  const builtin = builtinProfiles.find((p) => p.id === providerId);
  if (builtin) return builtin;
  const name = providerId.startsWith(CUSTOM_PREFIX) ? providerId.slice(CUSTOM_PREFIX.length) : providerId;
  const custom = customProviders.find((c) => c.name === name);
  if (custom) return customProfile(custom);
  const known = [...BUILTIN_PROVIDERS, ...customProviders.map((c) => c.name)].join(', ');
  throw new UserInputError(`unknown provider "${providerId}": use one of ${known}, or define it with "keyturn provider add"`);
}

/** The canonical id stored on an instance. */
export function canonicalProviderId(providerId: string, customProviders: readonly CustomProvider[]): string {
  return resolveProfile(providerId, customProviders).id;
}
