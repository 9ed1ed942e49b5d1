// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hasNativeExpiry } from '../../../../../renderer/src/features/rotation/native-expiry.js';
import { provider } from '../../fake-host.js';

describe('which providers’ new keys carry the dashboard’s expiry date', () => {
  it('goes by what the host declares for the provider, not by its id', () => {
    expect(hasNativeExpiry(provider({ id: 'nora', nativeExpiry: true }))).toBe(true);
    expect(hasNativeExpiry(provider({ id: 'nora', nativeExpiry: false }))).toBe(false);
    expect(hasNativeExpiry(provider({ id: 'xora', nativeExpiry: true }))).toBe(true);
    expect(hasNativeExpiry(undefined)).toBe(false);
  });
});
