import type { ProviderInfo } from '../../../../electron/contract/views.js';
import type { BuiltinProviderId } from '../../../../electron/contract/providers.js';

/** The provider that sets its keys' expiry itself (chosen in its dashboard), while the overview does not say so per provider. */
const NATIVE_EXPIRY_PROVIDER: string = 'nora' satisfies BuiltinProviderId;

/**
 * Whether a new key of this provider carries an expiry date its dashboard set: the wizard then asks
 * for that date. The overview's `nativeExpiry` when it gives one, else known by provider id.
 */
export function hasNativeExpiry(provider: ProviderInfo | undefined): boolean {
  if (!provider) return false;
  const declared = (provider as ProviderInfo & { nativeExpiry?: boolean }).nativeExpiry;
  return typeof declared === 'boolean' ? declared : provider.id === NATIVE_EXPIRY_PROVIDER;
}
