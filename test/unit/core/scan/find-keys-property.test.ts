import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomProvider } from '../../../../electron/core/domain/model.js';
import { toDisplay, type Finding } from '../../../../electron/core/scan/finding.js';
import { findKeysInText } from '../../../../electron/core/scan/find-keys.js';
import { keyMatcher } from '../../../../electron/core/scan/key-matcher.js';
import { looksIssued } from '../../../../electron/core/scan/placeholder.js';
import { startEmulator } from '../../../emulators/index.js';

const ACME: CustomProvider = { name: 'acme', keyPrefix: 'acme_', headerName: 'X-Key', baseUrls: { production: 'https://api.acme.test' }, verifyPath: '/me' };
const ZED: CustomProvider = { name: 'zed', keyPattern: 'zed-[0-9a-f]{32}', headerName: 'X-Key', baseUrls: { production: 'https://api.zed.test' }, verifyPath: '/me' };
const matcher = keyMatcher({ customProviders: [ACME, ZED], vaultKeys: [] });

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = `${ALNUM}_-`;
const HEX = '0123456789abcdef';

/** Random characters as a provider issues them: uniform draws (no bias toward small values, which no provider has). */
const drawn = (alphabet: string, min: number, max = min) =>
  fc.noBias(fc.array(fc.integer({ min: 0, max: alphabet.length - 1 }), { minLength: min, maxLength: max })).map((xs) => xs.map((i) => alphabet.charAt(i)).join(''));
const slug = fc.stringMatching(/^[a-z0-9]{2,10}(-[a-z0-9]{2,8})?$/);

/** A random key of each provider, in the shapes its documents (and the emulators) allow. */
const providerKeys = {
  xora: fc.oneof(drawn(BASE64URL, 48), drawn(ALNUM, 48)).map((r) => `nte_${r}`),
  nexora: fc.oneof(drawn(ALNUM, 20, 200), drawn(BASE64URL, 20, 200), drawn(HEX, 24, 200)).map((r) => `nxr_${r}`),
  nora: fc.tuple(fc.constantFrom('sk_live_', 'sk_test_'), fc.oneof(drawn(ALNUM, 24, 64), drawn(BASE64URL, 24, 64))).map(([p, r]) => p + r),
  xerotier: fc.tuple(slug, fc.oneof(drawn(BASE64URL, 43), drawn(HEX, 64))).map(([s, r]) => `xero_${s}_${r}`),
  'custom:acme': drawn(BASE64URL, 24, 64).map((r) => `acme_${r}`),
  'custom:zed': drawn(HEX, 32).map((r) => `zed-${r}`),
};

/** Text around a key: anything but the characters a token is made of (and the `\\` of an escape) where it touches the key. */
const text = fc.string({ unit: fc.constantFrom(...' \n\r\t.,;:=\'"`()[]{}<>#/*+|!?@$%^&~abcXYZ019é€🔑'.split('')), maxLength: 200 });
const edge = fc.constantFrom(' ', '\n', '"', "'", '=', ':', '(', '`', '\t', ',');
/** After a key of a user's prefix rule, which takes `=`, `+`, `/`, `.` and `~` too (base64 keys end so): no such character. */
const edgeAfterPrefixRule = fc.constantFrom(' ', '\n', '"', "'", ':', '(', '`', '\t', ',');

describe('findKeysInText, for any key of any provider planted in any text', () => {
  for (const [provider, key] of Object.entries(providerKeys)) {
    it(`a ${provider} key planted at a random offset is found exactly there, and never shown`, () => {
      fc.assert(
        fc.property(text, edge, key, provider === 'custom:acme' ? edgeAfterPrefixRule : edge, text, (before, open, secret, close, after) => {
          const planted = `${before}${open}${secret}${close}${after}`;
          const start = before.length + open.length;
          const found = findKeysInText(planted, matcher).filter((k) => k.secret === secret);
          expect(found.map((k) => [k.start, k.end, k.providerId])).toEqual([[start, start + secret.length, provider]]);
          const lines = planted.slice(0, start).split(/\r\n|\n|\r/);
          expect(found[0]?.line).toBe(lines.length);
          expect(found[0]?.column).toBe((lines.at(-1) ?? '').length + 1);
          const k = found[0] as (typeof found)[number];
          const finding: Finding = { file: '/x', path: 'x', line: k.line, column: k.column, variable: null, providerId: k.providerId, environment: k.environment, org: k.org, maskedKey: k.maskedKey, fingerprint: k.fingerprint, match: k.match, commit: null, secret: k.secret };
          expect(JSON.stringify(toDisplay(finding))).not.toContain(secret);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('the emulators issue keys the placeholder filter takes as issued', () => {
  it('every mode of every emulator: each key found in text as its provider\'s', async () => {
    const found = (secret: string) => findKeysInText(`KEY="${secret}"`, keyMatcher({ customProviders: [], vaultKeys: [] })).map((k) => k.secret);
    const check = (secret: string) => expect(found(secret), secret).toEqual([secret]);
    for (const keyAlphabet of ['base64url', 'alnum'] as const) {
      const xora = await startEmulator('xora', { xora: { keyAlphabet } });
      const nora = await startEmulator('nora', { nora: { keyAlphabet } });
      try {
        for (let i = 0; i < 200; i++) {
          check(xora.control.createKey({ name: `k${i}` }).secret);
          check(nora.control.createKey({ name: `k${i}`, env: i % 2 ? 'production' : 'sandbox' }).secret);
        }
      } finally {
        await Promise.all([xora.close(), nora.close()]);
      }
    }
    for (const options of [{}, { keyLength: 16, keyAlphabet: 'hex' }, { keyLength: 32, keyAlphabet: 'base64url' }, { keyLength: 200, keyAlphabet: 'base64url' }] as const) {
      const nexora = await startEmulator('nexora', { nexora: options });
      try {
        for (let i = 0; i < 200; i++) check(nexora.control.createKey({ name: `k${i}` }).secret);
      } finally {
        await nexora.close();
      }
    }
    for (const tokenEncoding of ['base64url', 'hex'] as const) {
      const xerotier = await startEmulator('xerotier', { xerotier: { tokenEncoding } });
      try {
        for (let i = 0; i < 200; i++) check(xerotier.control.createKey({ name: `k${i}` }).secret);
      } finally {
        await xerotier.close();
      }
    }
  });

  it('looksIssued refuses the documents\' placeholders and takes short hex keys (16 digits) as issued', () => {
    for (const placeholder of ['your_api_key_here', 'xxxxxxxxxxxxxxxxxxxxxxxx', '0123456789abcdef0123', 'REPLACE_WITH_YOUR_KEY', 'abc123', 'deadbeefdeadbeefdeadbeef', 'abababababababababab']) {
      expect(looksIssued(placeholder), placeholder).toBe(false);
    }
    for (const issued of ['3f9a0c7e51b2d486', 'b7e4c2a91f0d3568', 'Qm3xT9vKp2LwZ7rN']) expect(looksIssued(issued), issued).toBe(true);
  });
});
