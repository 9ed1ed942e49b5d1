import { fail } from '../../../domain/problems/problem-error.js';
import { typedBack } from '../../../domain/problems/typed-back.js';

/**
 * `.env` text, edited by hand-written code because the loaders (dotenv and friends) only parse:
 * none of them writes a value back while keeping every other byte — comments, ordering, quoting,
 * `export ` prefixes, line endings — exactly as the person left them.
 */

export type QuoteStyle = 'none' | 'single' | 'double';

export interface DotenvAssignment {
  variable: string;
  /** Index in the text where the value (with its quotes) starts and ends. */
  valueStart: number;
  valueEnd: number;
  quote: QuoteStyle;
  /** The value as a loader reads it. */
  value: string;
  line: number;
}

/** A name a `.env` loader reads as a variable. */
export const VARIABLE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=\s*)/;

/** Every `NAME=value` line, in order, with where its value lies in the text. */
export function scanAssignments(text: string): DotenvAssignment[] {
  const found: DotenvAssignment[] = [];
  const lines = /([^\r\n]*)(\r\n|\n|\r)?/g;
  let lineNo = 0;
  for (let m = lines.exec(text); m !== null && m[0].length > 0; m = lines.exec(text)) {
    lineNo++;
    const content = m[1] ?? '';
    const head = ASSIGNMENT.exec(content);
    if (!head) continue;
    const start = m.index + head[0].length;
    const rest = content.slice(head[0].length);
    // `NAME= # note` is an empty slot followed by a comment, as loaders read it, not the value "# note";
    // its value sits right after the `=`, so a value written there keeps the space before the `#`.
    const spaceBefore = /\s*$/.exec(head[3] ?? '')?.[0].length ?? 0;
    if (spaceBefore > 0 && rest.startsWith('#')) {
      found.push({ variable: head[2] ?? '', valueStart: start - spaceBefore, valueEnd: start - spaceBefore, quote: 'none', value: '', line: lineNo });
      continue;
    }
    const parsed = parseValue(rest);
    found.push({ variable: head[2] ?? '', valueStart: start, valueEnd: start + parsed.length, quote: parsed.quote, value: parsed.value, line: lineNo });
  }
  return found;
}

function parseValue(rest: string): { length: number; quote: QuoteStyle; value: string } {
  const q = rest[0];
  if (q === '"' || q === "'") {
    for (let i = 1; i < rest.length; i++) {
      if (q === '"' && rest[i] === '\\') {
        i++;
        continue;
      }
      if (rest[i] === q) {
        const inner = rest.slice(1, i);
        return { length: i + 1, quote: q === '"' ? 'double' : 'single', value: q === '"' ? unescapeDouble(inner) : inner };
      }
    }
    // No closing quote: read as unquoted, as loaders do.
  }
  // Unquoted: the value ends before whitespace followed by `#` (an inline comment), trailing spaces excluded.
  const comment = /\s+#/.exec(rest);
  const raw = comment ? rest.slice(0, comment.index) : rest;
  const value = raw.replace(/\s+$/, '');
  return { length: value.length, quote: 'none', value };
}

function unescapeDouble(inner: string): string {
  return inner.replace(/\\(["\\$`]|n)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** The value a loader would read: the last assignment wins, as in dotenv's parse. */
export function readDotenvValue(text: string, variable: string): string | null {
  const all = scanAssignments(text).filter((a) => a.variable === variable);
  return all.at(-1)?.value ?? null;
}

/** Every assignment, for scanning folders for keys. */
export function scanDotenvText(text: string): { variable: string; value: string; line: number }[] {
  return scanAssignments(text).map(({ variable, value, line }) => ({ variable, value, line }));
}

function needsQuotes(value: string): boolean {
  return /[\s#"'$`\\]/.test(value) || value === '';
}

function render(value: string, quote: QuoteStyle): string {
  if (quote === 'single' && !value.includes("'")) return `'${value}'`;
  if (quote === 'none' && !needsQuotes(value)) return value;
  return `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

function dominantEnding(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Sets every assignment of `variable` to `value`, each keeping its quoting style. When there is none,
 * one is appended only if `append` says so (the person asked for it): a file that lacks the variable
 * is otherwise not the file they meant. Every other byte of the text is kept.
 */
export function replaceDotenvValue(text: string, variable: string, value: string, options: { append?: boolean } = {}): { text: string; replaced: number; appended: boolean } {
  if (!VARIABLE.test(variable)) fail('target.variable.invalid', { field: 'variable', variable: typedBack(variable) });
  if (/[\r\n]/.test(value)) fail('target.value.multiline', { field: 'variable', variable });
  const targets = scanAssignments(text).filter((a) => a.variable === variable);
  if (targets.length === 0) {
    // Callers check first (a target without leave to append is refused before its file is read):
    // reaching this is a bug, not something a person can fix.
    if (!options.append) throw new Error(`internal: no ${variable}= line to replace, and no leave to append one`);
    const ending = dominantEnding(text);
    const separator = text.length > 0 && !/[\r\n]$/.test(text) ? ending : '';
    return { text: `${text}${separator}${variable}=${render(value, 'none')}${ending}`, replaced: 0, appended: true };
  }
  let out = '';
  let cursor = 0;
  for (const a of targets) {
    out += text.slice(cursor, a.valueStart) + render(value, a.quote);
    cursor = a.valueEnd;
  }
  return { text: out + text.slice(cursor), replaced: targets.length, appended: false };
}
