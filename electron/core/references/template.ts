import { fail } from '../domain/problems/problem-error.js';
import { typedBack } from '../domain/problems/params.js';
import { REFERENCE_FORM, tryParseReference, type ParsedReference } from './reference.js';
import { lineAt, lineStartsOf } from './text-lines.js';

/*
 * Templates for `keyturn inject`: any text (YAML, JSON, TOML, an nginx config) in which
 * `{{ keyturn://… }}` stands for a secret. Pure: finding the placeholders and putting the secrets in
 * their place; reading files, the vault and the keychain is the caller's.
 */

/** One `{{ keyturn://… }}` of a template, where it is. Lines and columns are 1-based. */
export interface Placeholder {
  reference: string;
  parsed: ParsedReference;
  line: number;
  column: number;
  /** Offsets in the text of the whole placeholder, braces included. */
  start: number;
  end: number;
}

// What opens a placeholder: once this is written, it must be a whole, well-formed one (never left as text).
const OPENING = /\{\{[ \t]*keyturn:/g;

/**
 * Every placeholder of a template, in order. Spaces or tabs inside the braces are optional; the
 * placeholder is on one line. Anything that opens one (`{{ keyturn:`) but is not a well-formed
 * reference closed by `}}` on the same line is refused, naming the file and line: a template that
 * leaves it as text would ship a broken config without a word. Other `{{ … }}` (a Helm or Jinja
 * expression) are text and stay as they are.
 */
export function findPlaceholders(text: string, file?: string): Placeholder[] {
  const lineStarts = lineStartsOf(text);
  const found: Placeholder[] = [];
  for (const match of text.matchAll(OPENING)) {
    const start = match.index;
    const line = lineAt(lineStarts, start);
    const lineEnd = text.indexOf('\n', start);
    const close = text.indexOf('}}', start + 2);
    const where = { source: 'template' as const, ...(file === undefined ? {} : { file }), line };
    if (close === -1 || (lineEnd !== -1 && close > lineEnd)) {
      const opened = text.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
      fail('inject.placeholder-unclosed', { value: typedBack(opened.slice(0, 200)), line, ...(file === undefined ? {} : { file }) });
    }
    const reference = text.slice(start + 2, close).replace(/^[ \t]+|[ \t]+$/g, '');
    const parsed = tryParseReference(reference);
    if (!parsed) fail('reference.malformed', { field: 'ref', value: typedBack(reference.slice(0, 200)), form: REFERENCE_FORM, ...where });
    found.push({ reference, parsed, line, column: start - (lineStarts[line - 1] as number) + 1, start, end: close + 2 });
  }
  return found;
}

/**
 * The template with each placeholder replaced by its secret, inserted as it is: the template
 * decides the quoting (`"{{ … }}"` in YAML or JSON), so a secret is never escaped behind its back.
 */
export function renderTemplate(text: string, placeholders: readonly Placeholder[], secretOf: (placeholder: Placeholder) => string): string {
  let rendered = '';
  let at = 0;
  for (const placeholder of placeholders) {
    rendered += text.slice(at, placeholder.start) + secretOf(placeholder);
    at = placeholder.end;
  }
  return rendered + text.slice(at);
}

/**
 * Finds the placeholders, resolves every one (in order, each awaited) and only then renders: one
 * that does not resolve fails the whole render, before anything is written.
 */
export async function renderWith(text: string, file: string | undefined, resolve: (placeholder: Placeholder) => Promise<string>): Promise<string> {
  const placeholders = findPlaceholders(text, file);
  const secrets = new Map<Placeholder, string>();
  for (const placeholder of placeholders) secrets.set(placeholder, await resolve(placeholder));
  return renderTemplate(text, placeholders, (p) => secrets.get(p) as string);
}
