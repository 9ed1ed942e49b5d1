import type { ProviderInfo } from '../../../../electron/contract/views.js';

/** Whether a new key of this provider carries an expiry date its dashboard set: the wizard then asks for that date. */
export function hasNativeExpiry(provider: ProviderInfo | undefined): boolean {
  return provider?.nativeExpiry ?? false;
}
