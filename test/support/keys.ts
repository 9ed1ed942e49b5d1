import { randomBytes } from 'node:crypto';

const alnum = (n: number) => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(n), (b) => chars[b % chars.length]).join('');
};

/** Secrets shaped as each provider's documents describe, for tests that do not need a live emulator key. */
export const sampleKeys = {
  xora: () => `nte_${alnum(48)}`,
  nexora: () => `nxr_${alnum(40)}`,
  nora: (env: 'sandbox' | 'production') => `${env === 'sandbox' ? 'sk_test_' : 'sk_live_'}${alnum(32)}`,
  xerotier: (slug: string) => `xero_${slug}_${randomBytes(32).toString('base64url')}`,
};
