import { fingerprintOf } from '../crypto/fingerprint.js';
import type { Environment } from '../domain/model.js';
import { detectProvider } from '../providers/detect.js';
import { maskKey } from '../providers/key-shape.js';
import type { KeyMatcher, VaultMatch } from './key-matcher.js';
import { looksIssued } from './placeholder.js';
import { literalPrefix } from './rules.js';
import type { ProviderProfile } from '../providers/profile.js';

/** A key found in a text: where, whose, and never shown but to be fingerprinted, verified or imported. */
export interface TextKey {
  /** 1-based line and column (in UTF-16 code units of the text). */
  line: number;
  column: number;
  /** Offsets of the key in the text. */
  start: number;
  end: number;
  /** The provider whose rule and format it fits; null for a vault key of no known shape. */
  providerId: string | null;
  environment: Environment | null;
  org: string | null;
  maskedKey: string;
  fingerprint: string;
  match: VaultMatch | null;
  /** Kept in memory for an import or a verification; never shown. */
  secret: string;
}

// What ends a key found by its literal head: whitespace, quotes, brackets, separators.
const HEAD_TOKEN_END = /[\s"'`<>(){}[\],;\\]/;

/**
 * Every key in a text, in the order they appear, each place once: every string a provider's rule
 * finds that its profile's format check accepts and that looks issued (not a documentation
 * placeholder), and every string whose fingerprint is in the vault whatever its shape (a vault
 * match is certain: it is never judged a placeholder).
 */
export function findKeysInText(text: string, matcher: KeyMatcher): TextKey[] {
  const found: TextKey[] = [];
  const taken = new Set<number>();
  const lines = lineCounter(text);
  const pattern = matcher.rules.pattern;
  if (pattern) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const value = m[0];
      if (value.length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const key = judge(text, value, m.index, matcher, lines);
      if (key) {
        found.push(key);
        taken.add(m.index);
      }
    }
  }
  const heads = matcher.headPattern;
  if (heads) {
    heads.lastIndex = 0;
    for (let m = heads.exec(text); m !== null; m = heads.exec(text)) {
      if (taken.has(m.index)) continue;
      const key = headMatch(text, m.index, matcher, lines);
      if (key) {
        found.push(key);
        taken.add(m.index);
        heads.lastIndex = key.end;
      }
    }
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

function judge(text: string, found: string, start: number, matcher: KeyMatcher, lines: LineCounter): TextKey | null {
  // A rule that takes a `.` (a user's prefix rule) takes a sentence's full stop too: the key is
  // without it, unless the vault holds it with it.
  const stripped = found.replace(/[.]+$/, '');
  const values = stripped === found ? [found] : matcher.byFingerprint.has(fingerprintOf(found)) ? [found] : [stripped, found];
  for (const value of values) {
    const key = judgeValue(text, value, start, matcher, lines);
    if (key) return key;
  }
  return null;
}

function judgeValue(text: string, value: string, start: number, matcher: KeyMatcher, lines: LineCounter): TextKey | null {
  const fingerprint = fingerprintOf(value);
  const match = matcher.byFingerprint.get(fingerprint) ?? null;
  const detected = detectProvider(value, matcher.customProviders);
  if (!match) {
    if (!detected) return null;
    if (!looksIssued(value.slice(fixedPartOf(value, detected.profile).length))) return null;
    if (insideBlob(text, start, start + value.length)) return null;
  }
  const { line, column } = lines.at(start);
  return {
    line,
    column,
    start,
    end: start + value.length,
    providerId: detected?.profile.id ?? null,
    environment: match?.environment ?? detected?.environment ?? null,
    org: detected?.org ?? null,
    maskedKey: match?.maskedKey ?? (detected ? maskKey(detected.profile, value) : ''),
    fingerprint,
    match,
    secret: value,
  };
}

/**
 * The part of a key its provider fixes, not random: its visible prefix, or the literal its rule
 * starts with when longer (a user's pattern `zed-[0-9a-f]{32}` shows no prefix, yet `zed-` is no
 * part of the key's randomness).
 */
function fixedPartOf(value: string, profile: ProviderProfile): string {
  const visible = profile.visiblePrefix(value);
  const literal = literalPrefix(profile.keyPattern);
  return literal !== null && literal.length > visible.length && value.startsWith(literal) ? literal : visible;
}

/**
 * Whether a candidate is a piece of a base64 blob (a certificate, an image, a bundle's data): its
 * token boundaries are a `+`, `/` or `=` of the blob's own, and the blob runs on well past it. A key
 * in a URL's path or after `KEY=` has a few such characters around it, not a blob's worth.
 */
function insideBlob(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && isBase64(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && isBase64(text.charCodeAt(to))) to++;
  if (to - from - (end - start) < BLOB_BEYOND_KEY) return false;
  const around = text.slice(from, start) + text.slice(end, to);
  return around.includes('+') || around.includes('/');
}

/** How many characters of a blob, past a candidate, make it a blob's piece rather than a key. */
const BLOB_BEYOND_KEY = 16;

function isBase64(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45;
}

/** A vault key found by its head: the run of characters from there, whole or without a sentence's last stop. */
function headMatch(text: string, start: number, matcher: KeyMatcher, lines: LineCounter): TextKey | null {
  let end = start;
  while (end < text.length && !HEAD_TOKEN_END.test(text.charAt(end))) end++;
  const run = text.slice(start, end);
  for (const value of new Set([run, run.replace(/[.:]+$/, '')])) {
    const fingerprint = fingerprintOf(value);
    const match = matcher.byFingerprint.get(fingerprint);
    if (!match) continue;
    const { line, column } = lines.at(start);
    return { line, column, start, end: start + value.length, providerId: null, environment: match.environment, org: null, maskedKey: match.maskedKey, fingerprint, match, secret: value };
  }
  return null;
}

interface LineCounter {
  at(offset: number): { line: number; column: number };
}

/**
 * Line and column of offsets asked in increasing order (a scan's order), counting each newline
 * once; an offset before the last one asked starts over. CRLF, LF and a lone CR each end a line.
 */
function lineCounter(text: string): LineCounter {
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  return {
    at(target) {
      if (target < offset) {
        offset = 0;
        line = 1;
        lineStart = 0;
      }
      for (; offset < target; offset++) {
        const c = text.charCodeAt(offset);
        if (c === 10 || (c === 13 && text.charCodeAt(offset + 1) !== 10)) {
          line++;
          lineStart = offset + 1;
        }
      }
      return { line, column: target - lineStart + 1 };
    },
  };
}
