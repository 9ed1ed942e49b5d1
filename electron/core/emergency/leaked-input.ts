/**
 * A leaked key as pasted from a log, a header dump or a .env line: surrounding whitespace and
 * quotes, `Authorization: Bearer …`, `X-API-Key: …` or `NAME=value` are taken off.
 */
export function normalizeLeaked(raw: string): string {
  let text = unquote(raw.trim());
  // A header line: "Authorization: Bearer x", "x-api-key: x".
  text = text.replace(/^[A-Za-z][A-Za-z0-9-]*:\s*/, (m) => (/^(authorization|x-api-key|api-key|x-api-token)\s*:/i.test(m) ? '' : m));
  // An assignment: "export NAME=value", "NAME = value".
  const assignment = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*[=:]\s*(.*)$/s.exec(text);
  if (assignment?.[1] !== undefined) text = assignment[1];
  // A bare "Bearer" (its token cut off) leaves nothing: never a key named Bearer.
  text = unquote(text.trim().replace(/[,;]$/, '')).replace(/^Bearer(?:\s+|$)/i, '');
  return unquote(text.trim());
}

function unquote(text: string): string {
  const m = /^(["'`])(.*)\1$/s.exec(text);
  return m?.[2] ?? text;
}

/**
 * The most text a paste may hold (a log excerpt, a curl line, a page of output): it crosses from
 * the page or stdin into the host, and every string in it is looked at, so it is bounded.
 */
export const MAX_PASTED_TEXT_LENGTH = 64 * 1024;

/** A string in the pasted text that could be a key, and the (1-based) line it is on. */
export interface KeyShapedString {
  value: string;
  line: number;
}

// What never belongs to a key in a log or a command line: whitespace, quotes, brackets, list and
// query separators, shell pipes, escaping backslashes.
const BETWEEN_WORDS = /[\s"'`,;()[\]{}<>|\\?&]+/;
// Inside a word: `NAME=value`, `header:value`, `user:password`.
const INSIDE_WORD = /[=:]/;
/** No provider issues keys longer than this (the contract's longest secret). */
const LONGEST_KEY = 4096;

/**
 * Every string of the pasted text that could be a key, in the order they first appear, each once:
 * the words of each line, the parts of a word around `=` and `:` and what follows them, without a
 * sentence's full stop, and each line as `normalizeLeaked` reads it (a key pasted on its own).
 */
export function keyShapedStrings(text: string): KeyShapedString[] {
  const seen = new Set<string>();
  const found: KeyShapedString[] = [];
  const add = (value: string, line: number) => {
    if (value === '' || value.length > LONGEST_KEY || seen.has(value)) return;
    seen.add(value);
    found.push({ value, line });
  };
  text.split(/\r?\n|\r/).forEach((lineText, index) => {
    const line = index + 1;
    for (const word of lineText.split(BETWEEN_WORDS)) {
      for (const variant of wordVariants(word)) {
        add(variant, line);
        if (variant.endsWith('.')) add(variant.replace(/\.+$/, ''), line);
      }
    }
    add(normalizeLeaked(lineText), line);
  });
  return found;
}

function wordVariants(word: string): string[] {
  if (word === '') return [];
  const variants = [word, ...word.split(INSIDE_WORD)];
  // Only the tails short enough to be a key: a word of 64 K `=` would otherwise make 64 K copies of itself.
  for (let i = Math.max(0, word.length - LONGEST_KEY - 1); i < word.length; i += 1) {
    if (INSIDE_WORD.test(word.charAt(i))) variants.push(word.slice(i + 1));
  }
  return variants;
}
