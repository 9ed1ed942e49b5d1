// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ProviderInfo } from '../../../../../electron/contract/views.js';
import { hasNativeExpiry } from '../../../../../renderer/src/features/rotation/native-expiry.js';
import { provider } from '../../fake-host.js';

describe('which providers’ new keys carry the dashboard’s expiry date', () => {
  it('what the overview declares wins; without it, Nora', () => {
    const declared = (over: Partial<ProviderInfo>, nativeExpiry: boolean) => ({ ...provider(over), nativeExpiry });
    expect(hasNativeExpiry(provider({ id: 'nora' }))).toBe(true);
    expect(hasNativeExpiry(provider({ id: 'xora' }))).toBe(false);
    expect(hasNativeExpiry(declared({ id: 'nora' }, false))).toBe(false);
    expect(hasNativeExpiry(declared({ id: 'xora' }, true))).toBe(true);
    expect(hasNativeExpiry(undefined)).toBe(false);
  });
});
