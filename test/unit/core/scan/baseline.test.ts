import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../../electron/core/domain/problems/problem-error.js';
import { applyBaseline, baselineText, parseBaseline, quotedPath } from '../../../../electron/core/scan/baseline.js';

const fp = (c: string) => c.repeat(64);

describe('baseline (.keyturnignore)', () => {
  it('reads fingerprint and path per line, with an optional reason; blank lines and # lines are comments', () => {
    const text = `# accepted\n\n${fp('a')} src/config.ts # test fixture\r\n   ${fp('b')}   docs/example.md\n${fp('c')} "with space/a b.env" #   a reason  \n`;
    expect(parseBaseline(text, '/r/.keyturnignore')).toEqual({
      file: '/r/.keyturnignore',
      entries: [
        { fingerprint: fp('a'), path: 'src/config.ts', reason: 'test fixture' },
        { fingerprint: fp('b'), path: 'docs/example.md', reason: null },
        { fingerprint: fp('c'), path: 'with space/a b.env', reason: 'a reason' },
      ],
    });
  });

  const malformed: [string, RegExp][] = [
    [`${fp('a')}`, /no path/],
    ['abc src/a.ts', /fingerprint/],
    [`${fp('A')} src/a.ts`, /fingerprint/],
    [`${fp('a')} src/a b.ts`, /# reason/],
    [`${fp('a')} "src/a b.ts`, /closing quote/],
    [`${fp('a')} "src/a"b.ts`, /follows the closing quote/],
    [`${fp('a')} ""`, /empty/],
  ];
  for (const [line, reason] of malformed) {
    it(`refuses a malformed line, naming it: ${JSON.stringify(line.slice(60))}`, () => {
      let thrown: unknown;
      try {
        parseBaseline(`# first\n${fp('b')} ok.ts\n${line}\n`, '/r/.keyturnignore');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemError);
      const p = (thrown as ProblemError).problem as { code: string; path: string; line: number; reason: string };
      expect([p.code, p.path, p.line]).toEqual(['baseline.malformed-line', '/r/.keyturnignore', 3]);
      expect(p.reason).toMatch(reason);
    });
  }

  it('accepts a finding by fingerprint and path, whatever its line; the same key in another file, or another key in the file, is still reported', () => {
    const baseline = parseBaseline(`${fp('a')} src/config.ts\n`, 'b');
    const findings = [
      { fingerprint: fp('a'), path: 'src/config.ts', line: 1 },
      { fingerprint: fp('a'), path: 'src/config.ts', line: 90 },
      { fingerprint: fp('a'), path: 'src/other.ts', line: 1 },
      { fingerprint: fp('b'), path: 'src/config.ts', line: 1 },
    ];
    const { reported, baselined } = applyBaseline(findings, baseline);
    expect(baselined.map((f) => f.line)).toEqual([1, 90]);
    expect(reported.map((f) => [f.fingerprint[0], f.path])).toEqual([['a', 'src/other.ts'], ['b', 'src/config.ts']]);
  });

  it('writes one line per (fingerprint, path), sorted, keeping the reasons of lines already accepted; what it writes reads back', () => {
    const previous = parseBaseline(`${fp('b')} z.ts # kept reason\n${fp('9')} gone.ts # no longer found\n`, 'old');
    const findings = [
      { fingerprint: fp('b'), path: 'z.ts' },
      { fingerprint: fp('a'), path: 'z.ts' },
      { fingerprint: fp('a'), path: 'z.ts' },
      { fingerprint: fp('c'), path: 'a dir/#x.env' },
    ];
    const { text, lines } = baselineText(findings, [previous]);
    expect(lines).toBe(3);
    const body = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(body).toEqual([`${fp('c')} "a dir/#x.env"`, `${fp('a')} z.ts`, `${fp('b')} z.ts # kept reason`]);
    expect(parseBaseline(text, 'new').entries).toEqual([
      { fingerprint: fp('c'), path: 'a dir/#x.env', reason: null },
      { fingerprint: fp('a'), path: 'z.ts', reason: null },
      { fingerprint: fp('b'), path: 'z.ts', reason: 'kept reason' },
    ]);
  });

  it('quotes only the paths that need it', () => {
    expect(quotedPath('src/a.ts')).toBe('src/a.ts');
    expect(quotedPath('a#b')).toBe('a#b');
    expect(quotedPath('#a')).toBe('"#a"');
    expect(quotedPath('a "b"')).toBe('"a \\"b\\""');
    expect(parseBaseline(`${fp('a')} ${quotedPath('a "b"\\c')}`, 'x').entries[0]?.path).toBe('a "b"\\c');
  });
});
