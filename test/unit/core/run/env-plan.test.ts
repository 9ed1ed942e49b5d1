import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childEnvironment, planEnv, type EnvAssignment, type EnvFile } from '../../../../electron/core/run/env-plan.js';
import { assignmentReference } from '../../../../electron/core/run/env-assignments.js';
import { problemWith } from '../../../support/problem-match.js';

/*
 * The precedence of `keyturn run --env-file A --env-file B --env VAR=REF`, held for arbitrary files:
 * within a file the last line wins, a later file wins, --env wins over files, the parent's variables
 * stay unless set. Files are written in every style the dotenv parser reads (comments, quotes,
 * `export `, CRLF, inline comments), so the planner and the dotenv target cannot drift apart.
 */

const VARIABLES = ['API_KEY', 'DB_URL', 'PORT', 'NORA_KEY', 'X_1'];
const variable = fc.constantFrom(...VARIABLES);
const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,7}$/);
const reference = fc.oneof(
  fc.tuple(segment, segment, segment, segment).map(([p, o, i, n]) => `keyturn://${p}/${o}/${i}/${n}`),
  segment.map((id) => `keyturn://id/${id}`),
);
/** A plain value as a loader reads it, and how it may be written. */
const plainValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_./:@-]{0,16}$/).filter((v) => !v.startsWith('keyturn://')).map((value) => ({ value, quotes: ['none', 'single', 'double'] as const })),
  // Spaces, `#`, `=`: only quoted.
  fc.stringMatching(/^[A-Za-z0-9 #=:,!]{1,16}$/).map((value) => ({ value, quotes: ['single', 'double'] as const })),
  // Quotes, backslashes, `$`, newlines: only double-quoted, escaped.
  fc.stringMatching(/^[A-Za-z0-9"'\\$\n ]{1,12}$/).map((value) => ({ value, quotes: ['double'] as const })),
);

type Line = { kind: 'assign'; variable: string; value: string; isReference: boolean; quote: number; exported: boolean; inlineComment: boolean; spaces: boolean } | { kind: 'comment'; text: string } | { kind: 'blank' };

const assignLine = fc.record({
  variable,
  written: fc.oneof(
    plainValue.map((p) => ({ value: p.value, quotes: p.quotes as readonly string[], isReference: false })),
    reference.map((value) => ({ value, quotes: ['none', 'single', 'double'] as readonly string[], isReference: true })),
  ),
  quote: fc.nat(),
  exported: fc.boolean(),
  inlineComment: fc.boolean(),
  spaces: fc.boolean(),
});
const line: fc.Arbitrary<Line> = fc.oneof(
  { weight: 5, arbitrary: assignLine.map((a) => ({ kind: 'assign' as const, variable: a.variable, value: a.written.value, isReference: a.written.isReference, quote: a.quote, exported: a.exported, inlineComment: a.inlineComment, spaces: a.spaces, quotes: a.written.quotes })) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9 =#]{0,20}$/).map((text) => ({ kind: 'comment' as const, text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
);

function render(l: Line & { quotes?: readonly string[] }): string {
  if (l.kind === 'blank') return '';
  if (l.kind === 'comment') return `# ${l.text}`;
  const quotes = l.quotes ?? ['none'];
  const quote = quotes[l.quote % quotes.length];
  const value = quote === 'single' ? `'${l.value}'` : quote === 'double' ? `"${l.value.replace(/[\\"$`]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"` : l.value;
  const eq = l.spaces ? ' = ' : '=';
  return `${l.exported ? 'export ' : ''}${l.variable}${eq}${value}${l.inlineComment ? ' # a note' : ''}`;
}

const file = fc.record({ lines: fc.array(line, { maxLength: 8 }), crlf: fc.boolean(), finalNewline: fc.boolean() });
const assignments = fc.uniqueArray(fc.record({ variable, ref: reference }), { selector: (a) => a.variable, maxLength: 3 });
const parent = fc.dictionary(fc.constantFrom(...VARIABLES, 'HOME', 'PATH'), fc.stringMatching(/^[a-z]{0,6}$/));

describe('planEnv and childEnvironment', () => {
  it('gives the child exactly the plain values and the resolved secrets: last line of a file, later file, then --env, over the parent', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 3 }), assignments, parent, (files, given, parentEnv) => {
        const envFiles: EnvFile[] = files.map((f, i) => {
          const ending = f.crlf ? '\r\n' : '\n';
          const text = f.lines.map(render).join(ending) + (f.finalNewline && f.lines.length > 0 ? ending : '');
          return { path: `dir/${i}.env`, text };
        });
        const envAssignments: EnvAssignment[] = given.map(({ variable: v, ref }) => ({ variable: v, reference: ref }));
        const plan = planEnv({ files: envFiles, assignments: envAssignments, environment: null });

        // The model: the same precedence, written out plainly.
        const expected: Record<string, string> = { ...parentEnv };
        const expectedSource = new Map<string, string>();
        files.forEach((f, i) =>
          f.lines.forEach((l, n) => {
            if (l.kind !== 'assign') return;
            expected[l.variable] = l.isReference ? `secret of ${l.value}` : l.value;
            expectedSource.set(l.variable, `dir/${i}.env:${n + 1}`);
          }),
        );
        for (const a of given) {
          expected[a.variable] = `secret of ${a.ref}`;
          expectedSource.set(a.variable, '--env');
        }

        // Resolution stands in: each reference's secret names it.
        const secrets = new Map(plan.variables.flatMap((v) => (v.value.kind === 'reference' ? [[v.variable, `secret of ${v.value.reference}`] as const] : [])));
        expect(childEnvironment(parentEnv, plan, secrets)).toEqual(expected);
        // One entry per variable set, each naming where its winning value was written.
        expect(new Map(plan.variables.map((v) => [v.variable, v.source.kind === 'file' ? `${v.source.file}:${v.source.line}` : '--env']))).toEqual(expectedSource);
        for (const v of plan.variables) {
          expect(v.use).toEqual(v.source.kind === 'file' ? { variable: v.variable, source: 'file', file: v.source.file, line: v.source.line } : { variable: v.variable, source: 'assignment' });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('passes a value that only contains a reference, or is a reference in another variable’s quotes, as it is', () => {
    const plan = planEnv({ files: [{ path: '.env', text: 'URL=https://x.test/?k=keyturn://nora/a/b/c\nREF="keyturn://nora/a/b/c" # the key\n' }], assignments: [], environment: null });
    expect(plan.variables.map((v) => [v.variable, v.value])).toEqual([
      ['URL', { kind: 'plain', value: 'https://x.test/?k=keyturn://nora/a/b/c' }],
      ['REF', { kind: 'reference', reference: 'keyturn://nora/a/b/c' }],
    ]);
  });
});

describe('environment declarations', () => {
  const declaring = (path: string, env: string, before = '') => ({ path, text: `${before}# keyturn: environment=${env}\nA=1\n` });

  it('takes a file’s "# keyturn: environment=" line, with its file and line', () => {
    expect(planEnv({ files: [declaring('a.env', 'sandbox', 'X=1\r\n')], assignments: [], environment: null }).declared).toEqual({ environment: 'sandbox', by: 'file', file: 'a.env', line: 2 });
    expect(planEnv({ files: [{ path: 'a.env', text: '  #keyturn:environment = production  \n' }], assignments: [], environment: null }).declared).toEqual({ environment: 'production', by: 'file', file: 'a.env', line: 1 });
    expect(planEnv({ files: [{ path: 'a.env', text: 'A=1\n# keyturn is great\n' }], assignments: [], environment: null }).declared).toBeNull();
  });

  it('files that agree are one declaration; files that disagree are refused, naming both', () => {
    expect(planEnv({ files: [declaring('a.env', 'sandbox'), declaring('b.env', 'sandbox')], assignments: [], environment: null }).declared).toMatchObject({ environment: 'sandbox', file: 'a.env' });
    expect(() => planEnv({ files: [declaring('a.env', 'sandbox'), declaring('b.env', 'production', 'B=2\n')], assignments: [], environment: null })).toThrow(problemWith('reference.declarations-conflict', {
      file: 'a.env',
      line: 1,
      declared: 'sandbox',
      otherFile: 'b.env',
      otherLine: 2,
      otherDeclared: 'production',
    }));
  });

  it('the option overrides the files, even files that disagree', () => {
    expect(planEnv({ files: [declaring('a.env', 'sandbox'), declaring('b.env', 'production')], assignments: [], environment: 'production' }).declared).toEqual({ environment: 'production', by: 'option' });
  });

  it('refuses a declaration that names no environment, even beside the option', () => {
    for (const environment of [null, 'sandbox'] as const) {
      expect(() => planEnv({ files: [declaring('a.env', 'prod')], assignments: [], environment })).toThrow(problemWith('reference.declaration-malformed', { file: 'a.env', line: 1, value: 'prod' }));
    }
  });
});

describe('assignmentReference', () => {
  it('keeps a keyturn:// reference and reads today’s bare forms: a ref by name, a key id by id', () => {
    expect(assignmentReference('keyturn://id/abc')).toBe('keyturn://id/abc');
    expect(assignmentReference('nora/acme/live/backend')).toBe('keyturn://nora/acme/live/backend');
    expect(assignmentReference('0b6f3c1e-8d1b-4c4f-9a39-2d8d7b0c6e11')).toBe('keyturn://id/0b6f3c1e-8d1b-4c4f-9a39-2d8d7b0c6e11');
  });
});
