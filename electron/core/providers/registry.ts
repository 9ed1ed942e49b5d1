import { BUILTIN_PROVIDERS, type BuiltinProviderId, type CustomProvider, type ProviderId } from '../domain/model.js';
import { fail } from '../domain/problems/problem-error.js';
import { CUSTOM_PREFIX, customProfile } from './custom/profile.js';
import { nexoraProfile } from './nexora/profile.js';
import { noraProfile } from './nora/profile.js';
import type { ProviderProfile } from './profile.js';
import { xerotierProfile } from './xerotier/profile.js';
import { xoraProfile } from './xora/profile.js';
import { typedBack } from '../domain/problems/params.js';

/** The profile of each built-in provider, by its id in BUILTIN_PROVIDERS: an id without a profile does not compile. */
const BUILTIN: { readonly [Id in BuiltinProviderId]: ProviderProfile } = {
  xora: xoraProfile,
  nexora: nexoraProfile,
  nora: noraProfile,
  xerotier: xerotierProfile,
};

/** The built-in profiles, in the order of BUILTIN_PROVIDERS. */
export const builtinProfiles: readonly ProviderProfile[] = BUILTIN_PROVIDERS.map((id) => BUILTIN[id]);

function isBuiltin(providerId: string): providerId is BuiltinProviderId {
  return (BUILTIN_PROVIDERS as readonly string[]).includes(providerId);
}

/**
 * The profile for a provider id. A user-defined provider may be named plainly (`acme`) or
 * with its prefix (`custom:acme`); built-in names win.
 */
export function resolveProfile(providerId: string, customProviders: readonly CustomProvider[]): ProviderProfile {
  if (isBuiltin(providerId)) return BUILTIN[providerId];
  const name = providerId.startsWith(CUSTOM_PREFIX) ? providerId.slice(CUSTOM_PREFIX.length) : providerId;
  const custom = customProviders.find((c) => c.name === name);
  if (custom) return customProfile(custom);
  fail('provider.unknown', { field: 'provider', provider: typedBack(providerId), known: [...BUILTIN_PROVIDERS, ...customProviders.map((c) => c.name)] });
}

/** resolveProfile, or null for a provider this vault no longer describes (a stored instance of a removed definition). */
export function resolveProfileOrNull(providerId: string, customProviders: readonly CustomProvider[]): ProviderProfile | null {
  if (isBuiltin(providerId)) return BUILTIN[providerId];
  const name = providerId.startsWith(CUSTOM_PREFIX) ? providerId.slice(CUSTOM_PREFIX.length) : providerId;
  const custom = customProviders.find((c) => c.name === name);
  return custom ? customProfile(custom) : null;
}

/** The canonical id stored on an instance. */
export function canonicalProviderId(providerId: string, customProviders: readonly CustomProvider[]): ProviderId {
  return resolveProfile(providerId, customProviders).id;
}
