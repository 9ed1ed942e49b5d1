import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needlesFor } from '../../../../electron/core/node/run/mask-stream.js';
import { Masker } from '../../../../electron/core/node/run/masker.js';
import { secretForms } from '../../../../electron/core/node/run/secret-forms.js';

const MASK = '[keyturn:KEY]';
const masker = (secret: string) => new Masker(needlesFor(new Map([[secret, MASK]])));
const text = (b: Buffer) => b.toString('utf8');

/** Feeds the pieces, calling quiet() after those marked, and returns everything emitted. */
function feed(m: Masker, pieces: { data: string; quietAfter: boolean }[]): string {
  let out = '';
  for (const { data, quietAfter } of pieces) {
    out += text(m.push(Buffer.from(data)));
    if (quietAfter) out += text(m.quiet());
  }
  return out + text(m.end());
}

function chunk(whole: string, sizes: number[], quiets: boolean[]): { data: string; quietAfter: boolean }[] {
  const pieces: { data: string; quietAfter: boolean }[] = [];
  for (let i = 0, k = 0; i < whole.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    pieces.push({ data: whole.slice(i, i + size), quietAfter: quiets[k % Math.max(1, quiets.length)] ?? false });
    i += size;
  }
  return pieces;
}

describe('Masker', () => {
  const secret = 'sk_live_Mask+Me/0123456789=&x';

  it('emits at once what cannot start a secret, and holds back only a tail that can', () => {
    const m = masker(secret);
    expect(text(m.push(Buffer.from('prompt> ')))).toBe('prompt> ');
    expect(m.holding).toBe(false);
    expect(text(m.push(Buffer.from('token: sk_li')))).toBe('token: ');
    expect(m.holding).toBe(true);
    expect(text(m.push(Buffer.from(secret.slice(5))))).toBe(MASK);
    expect(m.holding).toBe(false);
  });

  it('quiet emits a held prefix, and masks the rest if the child then completes the secret: the secret never shows whole', () => {
    const m = masker(secret);
    expect(text(m.push(Buffer.from('key=sk_live_Ma')))).toBe('key=');
    expect(text(m.quiet())).toBe('sk_live_Ma');
    expect(text(m.push(Buffer.from(`${secret.slice(10)} done\n`)))).toBe(`${MASK} done\n`);
  });

  it('quiet emits a held tail that turns out not to be a secret, and nothing is lost', () => {
    const m = masker(secret);
    expect(feed(m, [{ data: 'type s', quietAfter: true }, { data: 'omething\n', quietAfter: false }])).toBe('type something\n');
  });

  it('masks the base64 (standard, URL-safe, padded or not) and percent-encoded forms of a secret', () => {
    const bytes = Buffer.from(secret);
    const forms = [
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
      new URLSearchParams({ v: secret }).toString().slice(2),
    ];
    for (const form of forms) expect(feed(masker(secret), [{ data: `a ${form} b`, quietAfter: false }])).toBe(`a ${MASK} b`);
  });

  it('masks the middle of a secret base64-encoded inside a larger blob, at any alignment', () => {
    for (const before of ['', 'x', 'xy', 'xyz']) {
      const blob = Buffer.from(`${before}{"key":"${secret}","more":true}`).toString('base64');
      const out = feed(masker(secret), [{ data: blob, quietAfter: false }]);
      expect(out).toContain(MASK);
      // What is left of the blob decodes to no more than a few bytes at each edge of the secret.
      const left = out.split(MASK).join('');
      expect(left.length).toBeLessThan(blob.length - ((secret.length - 4) * 4) / 3);
    }
  });

  it('lists each form once, the secret itself included, and no encoded form short enough to match by chance', () => {
    const forms = secretForms('ab');
    expect(forms).toEqual(['ab']);
    expect(new Set(secretForms(secret)).size).toBe(secretForms(secret).length);
  });

  const secretArb = fc.string({ unit: fc.constantFrom(...'abcXYZ019_-+/=%& .~'.split('')), minLength: 12, maxLength: 40 }).map((s) => `sk_${s}`);

  it('property: however the output is chunked, with no quiet pause the result is the same as masking it whole', () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('sk_'), fc.constant('c2tf')), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }),
        (secret, noise, sizes) => {
          const forms = secretForms(secret);
          const whole = [noise[0] ?? '', forms[0], noise[1] ?? '', forms[forms.length - 1], noise[2] ?? '', secret.slice(0, 5), Buffer.from(secret).toString('base64'), noise.slice(3).join('')].join('');
          const once = feed(masker(secret), [{ data: whole, quietAfter: false }]);
          expect(feed(masker(secret), chunk(whole, sizes, [false]))).toBe(once);
          expect(once).not.toContain(secret);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: the secret and its encoded forms never appear whole, however the output is chunked and wherever the child pauses', () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constant('FORM')), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (secret, parts, sizes, quiets, pick) => {
          const forms = secretForms(secret);
          const whole = parts.map((p, i) => (p === 'FORM' ? (forms[(pick + i) % forms.length] ?? secret) : p)).join('');
          const out = feed(masker(secret), chunk(whole, sizes, quiets));
          expect(out).not.toContain(secret);
          expect(out).not.toContain(Buffer.from(secret).toString('base64'));
          expect(out).not.toContain(encodeURIComponent(secret));
        },
      ),
      { numRuns: 500 },
    );
  });
});
