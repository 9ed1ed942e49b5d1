import type { CustomProvider } from '../domain/model.js';
import { customProfile } from '../providers/custom/profile.js';
import type { ProviderProfile } from '../providers/profile.js';
import { builtinProfiles } from '../providers/registry.js';

/**
 * The one set of detection rules: each provider profile's own `keyPattern` (the four built-ins and
 * every user-defined provider that says what its keys look like). Nothing here repeats a prefix or
 * a length: a rule only finds candidates, and the profile's checkKey decides (detectProvider).
 */
export interface DetectionRules {
  profiles: readonly ProviderProfile[];
  /** Each usable rule's source as its profile gives it, no boundaries: what a first pass (or ripgrep) looks for. */
  sources: readonly string[];
  /**
   * Every rule in one expression (global, so it is used with lastIndex): a candidate starts where
   * no key character stands before it, and ends where none follows (the longest run wins).
   */
  pattern: RegExp | null;
}

/** The characters a token of any built-in provider is made of: a candidate never starts or ends inside such a run. */
export const TOKEN_CHARACTER = '[A-Za-z0-9_-]';

/**
 * Where a candidate may start: after no token character, or after the `n`, `r` or `t` of an escape
 * (`\n`, `\r`, `\t`): a notebook's JSON or a string literal writes a new line before a key that way.
 * (One lookbehind with a lookbehind inside: an alternation of two lookbehinds costs V8 its fast
 * search for the rules' literal prefixes, ten times the time over text with no key.)
 */
const TOKEN_START = `(?<!${TOKEN_CHARACTER}(?<!\\\\[nrt]))`;
const TOKEN_END = `(?!${TOKEN_CHARACTER})`;

export function detectionRules(customProviders: readonly CustomProvider[]): DetectionRules {
  const described = customProviders.filter((c) => Boolean(c.keyPrefix) || Boolean(c.keyPattern)).map(customProfile);
  const profiles = [...builtinProfiles, ...described];
  const sources = joinable(profiles.map((p) => p.keyPattern).filter((s) => s !== '' && isUsable(s)));
  if (sources.length === 0) return { profiles, sources, pattern: null };
  return { profiles, sources, pattern: new RegExp(`${TOKEN_START}${anyOf(sources)}${TOKEN_END}`, 'g') };
}

/** The sources as one alternation, each in a group of its own. */
export function anyOf(sources: readonly string[]): string {
  return `(?:${sources.map((s) => `(?:${s})`).join('|')})`;
}

/**
 * The literal text every match of a rule's source starts with (`nte_`, `sk_`), or null when it has
 * none that is certain: a top-level alternation, or a pattern that starts with a class or a group.
 * A first pass looks for these with a plain byte search, far cheaper than the expression.
 */
export function literalPrefix(source: string): string | null {
  if (hasTopLevelAlternation(source)) return null;
  let literal = '';
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === '\\') {
      const escaped = source.charAt(i + 1);
      // An escape of punctuation is that character; a letter or a digit is a class or a back-reference.
      if (!/[^A-Za-z0-9]/.test(escaped) || escaped === '') break;
      literal += escaped;
      i += 2;
      continue;
    }
    if ('[](){}.*+?|^$'.includes(c)) {
      // A quantifier may make the last character optional or repeat it: the literal ends before it.
      if ('*?{'.includes(c)) literal = literal.slice(0, -1);
      break;
    }
    literal += c;
    i++;
  }
  return literal === '' ? null : literal;
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** A user's pattern that does not compile is no rule (checkKey refuses nothing it cannot read either). */
function isUsable(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * The sources that compile together, in order: a user's pattern that compiles alone may not beside
 * another (two with the same named group); such a one is left out rather than every rule lost.
 */
function joinable(sources: readonly string[]): string[] {
  if (isUsable(anyOf(sources))) return [...sources];
  const kept: string[] = [];
  for (const source of sources) if (isUsable(anyOf([...kept, source]))) kept.push(source);
  return kept;
}
