/**
 * Whether a provider-shaped string was issued by a provider or is a placeholder in documentation, a
 * template or a test (`nxr_your_api_key_here`, `sk_live_xxxxxxxx`, `nte_0123456789abcdef…`). Only
 * strings the vault does not hold are judged this way: a vault match is certain whatever it looks like.
 *
 * The judgement is made on what is left of the key's own part once its filler is taken out: the
 * words a placeholder is written with, runs of one character (`xxxxx`, `00000`) and runs of
 * consecutive characters (`12345`, `abcde`). Most of it must be left, as varied as random characters
 * of the same kind and number are. Filler is taken out rather than refused: a random key holds
 * `here` or `12345` now and then and is still random once they are gone (refusing any key that
 * held a placeholder word lost one 64-digit hex token in 500, for an `abcd` or a `1234`), and the
 * bar for "varied" depends on the kind and length of what is left (a fixed 3 bits per character
 * lost one 16-digit hex key in 7).
 */

/** The fewest characters a key's own part has when it was issued by a provider. */
export const MIN_RANDOM_PART = 16;

/**
 * How much filler an issued key's own part may hold: a quarter of it, or six characters in a short
 * one. A random part loses a word or a run now and then; a placeholder is mostly filler.
 */
const fillerAllowed = (length: number) => Math.max(6, length / 4);

/**
 * Words placeholders are made of, longest first (a long word is taken out whole), whatever their
 * case. None is shorter than three letters: a random key holds two-letter words too often.
 */
const FILLER_WORDS = [
  'placeholder',
  'changeme',
  'redacted',
  'password',
  'deadbeef',
  'example',
  'replace',
  'sample',
  'secret',
  'insert',
  'dummy',
  'token',
  'your',
  'here',
  'fake',
  'test',
  'live',
  'with',
  'this',
  'goes',
  'key',
  'api',
  'the',
  'not',
  'use',
];
/** The shortest run of one character (`xxxxx`) or of consecutive ones (`12345`, `abcde`) that is filler. */
const RUN = 5;
const FILLER = new RegExp(`${FILLER_WORDS.join('|')}|(.)\\1{${RUN - 1},}`, 'gi');

/**
 * Whether the part of a candidate after its provider's visible prefix looks issued: once its filler
 * is taken out, little of it was filler (fillerAllowed), and what is left is as varied as random
 * characters of its kind are (randomLooking). Shorter than MIN_RANDOM_PART: no issued key.
 */
export function looksIssued(randomPart: string): boolean {
  if (randomPart.length < MIN_RANDOM_PART) return false;
  const rest = withoutRuns(randomPart.replace(FILLER, ''));
  if (randomPart.length - rest.length > fillerAllowed(randomPart.length)) return false;
  return randomLooking(rest);
}

/** The text without its runs of RUN or more consecutive characters, up or down (`12345`, `abcde`, `98765`). */
function withoutRuns(text: string): string {
  let kept = '';
  let i = 0;
  while (i < text.length) {
    let j = i + 1;
    const step = text.charCodeAt(j) - text.charCodeAt(i);
    if (step === 1 || step === -1) {
      while (j < text.length && text.charCodeAt(j) - text.charCodeAt(j - 1) === step && sameKind(text.charCodeAt(j), text.charCodeAt(i))) j++;
    }
    if (j - i < RUN) kept += text.slice(i, j);
    i = j;
  }
  return kept;
}

function sameKind(a: number, b: number): boolean {
  return kindOf(a) === kindOf(b);
}

function kindOf(c: number): 'digit' | 'lower' | 'upper' | 'other' {
  if (c >= 48 && c <= 57) return 'digit';
  if (c >= 97 && c <= 122) return 'lower';
  if (c >= 65 && c <= 90) return 'upper';
  return 'other';
}

/**
 * How many bits of entropy a random string of this length reaches below its expected value and is
 * still judged random: the margin a short random string needs (16 random hex digits average 3.2
 * bits per character; one in ten thousand falls below 2.3; none in a million below 2.0).
 */
const ENTROPY_MARGIN = 1.2;

/**
 * Whether a string is as varied as random characters of its kind are: its Shannon entropy per
 * character is at least the expected entropy of a string as long drawn uniformly from the smallest
 * usual alphabet that holds it (digits, hex, lower or upper case with digits, letters and digits,
 * base64url, anything), less ENTROPY_MARGIN. A hex token is compared with hex, not with letters.
 */
export function randomLooking(text: string): boolean {
  return entropyBitsPerChar(text) >= expectedEntropy(text.length, alphabetSizeOf(text)) - ENTROPY_MARGIN;
}

function alphabetSizeOf(text: string): number {
  if (/^[0-9]*$/.test(text)) return 10;
  if (/^[0-9a-f]*$/.test(text) || /^[0-9A-F]*$/.test(text)) return 16;
  if (/^[0-9a-z]*$/.test(text) || /^[0-9A-Z]*$/.test(text)) return 36;
  if (/^[0-9A-Za-z]*$/.test(text)) return 62;
  if (/^[0-9A-Za-z_-]*$/.test(text)) return 64;
  return 94;
}

const expected = new Map<string, number>();

/**
 * The expected plug-in entropy (bits per character) of `n` characters drawn uniformly from `k`:
 * log2(n) − E[Σ N·log2 N]/n, each character's count N being binomial(n, 1/k).
 */
export function expectedEntropy(n: number, k: number): number {
  const memo = `${n}/${k}`;
  const known = expected.get(memo);
  if (known !== undefined) return known;
  const p = 1 / k;
  let perSymbol = 0;
  // P(N = j) for j = 0..n, by the recurrence P(j) = P(j−1)·(n−j+1)/j·p/(1−p), in logs for long strings.
  let logP = n * Math.log(1 - p);
  for (let j = 1; j <= n; j++) {
    logP += Math.log(n - j + 1) - Math.log(j) + Math.log(p) - Math.log(1 - p);
    perSymbol += Math.exp(logP) * j * Math.log2(j);
  }
  const value = n === 0 ? 0 : Math.log2(n) - (k * perSymbol) / n;
  expected.set(memo, value);
  return value;
}

export function entropyBitsPerChar(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
