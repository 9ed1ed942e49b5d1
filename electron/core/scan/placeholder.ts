/**
 * Words that make a provider-shaped string a placeholder in documentation, a template or a test
 * (`nxr_your_api_key_here`, `sk_live_xxxxxxxx`), never a key that was issued. Only strings the vault
 * does not hold are judged this way: a vault match is certain whatever it looks like.
 */
const PLACEHOLDER_WORDS = /your|here|example|placeholder|redacted|dummy|changeme|replace|sample|insert|fake|xxxx|1234|abcd|\.\.\./i;

/** The fewest characters a key's own part (after its visible prefix) has when it was issued by a provider. */
export const MIN_RANDOM_PART = 16;

/**
 * Whether the part of a candidate after its provider's visible prefix looks issued: long enough,
 * varied enough (Shannon entropy over its characters), and free of placeholder words.
 */
export function looksIssued(randomPart: string): boolean {
  if (randomPart.length < MIN_RANDOM_PART) return false;
  if (PLACEHOLDER_WORDS.test(randomPart)) return false;
  return entropyBitsPerChar(randomPart) >= 3;
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
