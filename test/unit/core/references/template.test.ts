import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProblem } from '../../../../electron/core/domain/problems/problem-error.js';
import { findPlaceholders, renderTemplate, renderWith } from '../../../../electron/core/references/template.js';

const API = 'keyturn://nexora/acme/prod/api';
const DB = 'keyturn://id/k-db';
const SECRETS: Record<string, string> = { [API]: 'nxr_APIKEY0123456789abcdefghijklmnop', [DB]: 'pa"ss\\word\'with$quotes{{}}' };
const secretOf = (p: { reference: string }) => SECRETS[p.reference] as string;

function problemOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a problem');
}

describe('template placeholders', () => {
  it('finds placeholders with or without spaces (or tabs) inside the braces, several on a line, with their lines and columns', () => {
    const text = `a: {{${API}}}\nb: "{{ ${API} }}" and '{{\t${DB}  }}'\n`;
    const found = findPlaceholders(text, 'app.yml.tpl');
    expect(found.map((p) => [p.reference, p.line, p.column])).toEqual([
      [API, 1, 4],
      [API, 2, 5],
      [DB, 2, 48],
    ]);
    expect(found[2]?.parsed).toEqual({ by: 'id', keyId: 'k-db' });
    expect(renderTemplate(text, found, secretOf)).toBe(`a: ${SECRETS[API]}\nb: "${SECRETS[API]}" and '${SECRETS[DB]}'\n`);
  });

  it('inserts a secret as it is: JSON and YAML quoting is the template\'s, quotes and backslashes in a secret are not escaped', () => {
    const json = `{"db": "{{ ${DB} }}", "api": "{{ ${API} }}"}`;
    expect(renderTemplate(json, findPlaceholders(json), secretOf)).toBe(`{"db": "${SECRETS[DB]}", "api": "${SECRETS[API]}"}`);
    const yaml = `db: '{{ ${DB} }}'\napi: {{ ${API} }}\r\n`;
    expect(renderTemplate(yaml, findPlaceholders(yaml), secretOf)).toBe(`db: '${SECRETS[DB]}'\napi: ${SECRETS[API]}\r\n`);
  });

  it('leaves every other text as it is: other {{ }} expressions, a reference outside braces, a secret that itself looks like a placeholder', () => {
    const text = `{{ .Values.x }} {{ keyturnish }} see ${API} {{{ ${API} }}}`;
    const found = findPlaceholders(text);
    expect(found).toHaveLength(1);
    expect(renderTemplate(text, found, () => '{{ keyturn://x/y/z/w }}')).toBe(`{{ .Values.x }} {{ keyturnish }} see ${API} {{{ keyturn://x/y/z/w }}}`);
  });

  it.each([
    ['a reference of the wrong shape', `ok {{ ${API} }}\nbad: {{ keyturn://nexora/acme }}\n`, 'reference.malformed', 'keyturn://nexora/acme'],
    ["words after the reference", `x\nbad: {{ ${API} extra }}`, 'reference.malformed', `${API} extra`],
    ['a scheme without slashes', `x\nbad: {{ keyturn:nexora/acme/prod/api }}`, 'reference.malformed', 'keyturn:nexora/acme/prod/api'],
    ['no closing braces', `x\nbad: {{ ${API}\n}}`, 'inject.placeholder-unclosed', `{{ ${API}`],
    ['closing braces on the next line only', `x\n{{ ${API} }\n}}`, 'inject.placeholder-unclosed', `{{ ${API} }`],
  ])('forbids a malformed placeholder (%s) instead of leaving it as text, naming the file and line', (_what, text, code, value) => {
    const error = problemOf(() => findPlaceholders(text, '/etc/app.tpl'));
    expect(isProblem(error)).toBe(true);
    expect(error).toMatchObject({ problem: { code, value, file: '/etc/app.tpl', line: 2 } });
  });

  it('resolves every placeholder before rendering: one that does not resolve fails the render and nothing is returned', async () => {
    const asked: string[] = [];
    const text = `a={{ ${API} }}\nb={{ ${DB} }}\nc={{ ${API} }}\n`;
    const rendered = renderWith(text, 'x.tpl', async (p) => {
      asked.push(p.reference);
      if (p.reference === DB) throw new Error('no such key');
      return secretOf(p);
    });
    await expect(rendered).rejects.toThrow('no such key');
    expect(asked).toEqual([API, DB]);
    // A malformed placeholder anywhere fails before any reference is resolved.
    const none: string[] = [];
    await expect(renderWith(`a={{ ${API} }}\nb={{ keyturn://bad }}\n`, 'x.tpl', async (p) => (none.push(p.reference), 'x'))).rejects.toMatchObject({ problem: { code: 'reference.malformed' } });
    expect(none).toEqual([]);
    expect(await renderWith(text, 'x.tpl', async (p) => secretOf(p))).toBe(`a=${SECRETS[API]}\nb=${SECRETS[DB]}\nc=${SECRETS[API]}\n`);
  });

  it('for any text without placeholders, renders it unchanged; for any mix, the text between placeholders is kept byte for byte', () => {
    // Text that cannot open a placeholder: no `{{` followed by `keyturn:`.
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '{', '}', '"', "'", ':', 'k', 'é', '😀') });
    fc.assert(
      fc.property(plain, (text) => {
        fc.pre(!/\{\{[ \t]*keyturn:/.test(text));
        expect(renderTemplate(text, findPlaceholders(text), () => 'SECRET')).toBe(text);
      }),
    );
    const piece = fc.oneof(plain.map((text) => ({ text, ref: null as string | null })), fc.record({ text: fc.constantFrom('{{', '{{ ', '{{\t'), ref: fc.constantFrom(API, DB) }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        // Each plain piece is followed by a character that cannot extend a placeholder, so pieces stay apart.
        const parts = pieces.map((p) => (p.ref ? `${p.text}${p.ref} }}` : p.text.replace(/\{/g, '(')));
        const text = parts.join('|');
        const expected = pieces.map((p) => (p.ref ? (SECRETS[p.ref] as string) : p.text.replace(/\{/g, '('))).join('|');
        const found = findPlaceholders(text);
        expect(found.map((p) => p.reference)).toEqual(pieces.flatMap((p) => (p.ref ? [p.ref] : [])));
        expect(renderTemplate(text, found, secretOf)).toBe(expected);
      }),
    );
  });
});
