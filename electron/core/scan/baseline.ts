import { ProblemError, problem } from '../domain/problems/problem-error.js';
import type { Finding } from './finding.js';

/*
 * A baseline (`.keyturnignore` at a repository's root, or a file given): the findings a person
 * accepted, one per line, keyed by the key's fingerprint and the file's path, never by line number,
 * so editing a file around an accepted key does not bring it back, and the same key in another file
 * is still reported.
 *
 *   # comment
 *   <sha256 fingerprint> <path relative to the root, '/' separators>   # optional reason
 *   <sha256 fingerprint> "path with spaces.txt"                          # a quoted path is a JSON string
 */

/** The name of the baseline a scan reads at its root when none is given. */
export const BASELINE_FILE = '.keyturnignore';

/** One accepted finding. */
export interface BaselineEntry {
  fingerprint: string;
  path: string;
  /** The text after `#`, trimmed; null when the line gives none. */
  reason: string | null;
}

export interface Baseline {
  /** Where it was read (for problems naming its lines); null for an empty baseline. */
  file: string | null;
  entries: BaselineEntry[];
}

export const EMPTY_BASELINE: Baseline = { file: null, entries: [] };

const FINGERPRINT = /^[0-9a-f]{64}$/;

/** The entries of a baseline's text; a line that is not one (nor blank, nor a comment) is refused as `baseline.malformed-line`. */
export function parseBaseline(text: string, file: string): Baseline {
  const entries: BaselineEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') throw new ProblemError(problem('baseline.malformed-line', { path: file, line: i + 1, reason: parsed }));
    entries.push(parsed);
  });
  return { file, entries };
}

/** An entry, or what is wrong with the line (the problem's reason). */
function parseLine(line: string): BaselineEntry | string {
  const space = line.search(/\s/);
  if (space === -1) return 'it has no path after the fingerprint';
  const fingerprint = line.slice(0, space);
  if (!FINGERPRINT.test(fingerprint)) return 'it does not start with a fingerprint (64 lowercase hexadecimal characters)';
  const rest = line.slice(space).trimStart();
  let path: string;
  let after: string;
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    if (end === -1) return 'its quoted path has no closing quote';
    try {
      path = JSON.parse(rest.slice(0, end + 1)) as string;
    } catch {
      return 'its quoted path is not a valid quoted string';
    }
    after = rest.slice(end + 1);
    if (after !== '' && !/^\s/.test(after)) return 'text follows the closing quote of its path';
  } else {
    const pathEnd = rest.search(/\s/);
    path = pathEnd === -1 ? rest : rest.slice(0, pathEnd);
    after = pathEnd === -1 ? '' : rest.slice(pathEnd);
  }
  if (path === '') return 'its path is empty';
  const tail = after.trim();
  if (tail === '') return { fingerprint, path, reason: null };
  if (!tail.startsWith('#')) return 'text after the path is not a "# reason" (quote a path with spaces in double quotes)';
  const reason = tail.slice(1).trim();
  return { fingerprint, path, reason: reason === '' ? null : reason };
}

/** Index of the quote closing the string that starts at 0, past escaped ones; -1 when none. */
function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function entryKey(fingerprint: string, path: string): string {
  return `${fingerprint}\u0000${path}`;
}

/** The findings a baseline does not accept, and how many it does. */
export function applyBaseline<F extends Pick<Finding, 'fingerprint' | 'path'>>(findings: readonly F[], baseline: Baseline): { reported: F[]; baselined: F[] } {
  const accepted = new Set(baseline.entries.map((e) => entryKey(e.fingerprint, e.path)));
  const reported: F[] = [];
  const baselined: F[] = [];
  for (const f of findings) (accepted.has(entryKey(f.fingerprint, f.path)) ? baselined : reported).push(f);
  return { reported, baselined };
}

/**
 * A baseline accepting every finding given, one line per (fingerprint, path), sorted by path then
 * fingerprint; the reason a line already had in one of `previous` is kept.
 */
export function baselineText(findings: readonly Pick<Finding, 'fingerprint' | 'path'>[], previous: readonly Baseline[]): { text: string; lines: number } {
  const reasons = new Map<string, string>();
  for (const b of previous) for (const e of b.entries) if (e.reason !== null && !reasons.has(entryKey(e.fingerprint, e.path))) reasons.set(entryKey(e.fingerprint, e.path), e.reason);
  const unique = new Map<string, { fingerprint: string; path: string }>();
  for (const f of findings) unique.set(entryKey(f.fingerprint, f.path), { fingerprint: f.fingerprint, path: f.path });
  const sorted = [...unique.entries()].sort(([, a], [, b]) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const lines = sorted.map(([key, e]) => {
    const reason = reasons.get(key);
    return `${e.fingerprint} ${quotedPath(e.path)}${reason ? ` # ${reason}` : ''}`;
  });
  const header = '# Findings accepted by keyturn scan: <sha256 fingerprint> <path> [# reason]. A line accepts that key in that file only.';
  return { text: `${[header, ...lines].join('\n')}\n`, lines: lines.length };
}

/** A path as a baseline line holds it: bare, or as a JSON string when it has spaces, quotes, a `#` first or control characters. */
export function quotedPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\s"\\\u0000-\u001f]|^#/.test(path) ? JSON.stringify(path) : path;
}
