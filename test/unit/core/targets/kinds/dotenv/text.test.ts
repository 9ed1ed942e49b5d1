import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDotenvValue, replaceDotenvValue, scanAssignments } from '../../../../../../electron/core/targets/kinds/dotenv/text.js';

const KEY = 'sk_live_NEWKEY0123456789abcdef';

describe('replaceDotenvValue keeps every other byte', () => {
  it.each([
    ['plain', 'A=1\nNORA_KEY=old\nB=2\n', 'A=1\nNORA_KEY=NEW\nB=2\n'],
    ['export prefix', 'export NORA_KEY=old\n', 'export NORA_KEY=NEW\n'],
    ['double quotes', 'NORA_KEY="old"\n', 'NORA_KEY="NEW"\n'],
    ['single quotes', "NORA_KEY='old'\n", "NORA_KEY='NEW'\n"],
    ['inline comment', 'NORA_KEY=old # rotated monthly\n', 'NORA_KEY=NEW # rotated monthly\n'],
    ['CRLF', '# c\r\nNORA_KEY=old\r\nX=y\r\n', '# c\r\nNORA_KEY=NEW\r\nX=y\r\n'],
    ['no final newline', 'A=1\nNORA_KEY=old', 'A=1\nNORA_KEY=NEW'],
    ['spaces around =', '  NORA_KEY = old\n', '  NORA_KEY = NEW\n'],
    ['several occurrences', 'NORA_KEY=a\nNORA_KEY="b"\n', 'NORA_KEY=NEW\nNORA_KEY="NEW"\n'],
    ['appended with the file’s line ending', 'A=1\r\n', 'A=1\r\nNORA_KEY=NEW\r\n'],
    ['appended after a last line without a newline', 'A=1', 'A=1\nNORA_KEY=NEW\n'],
    ['a similar name untouched', 'NORA_KEY_OLD=x\n', 'NORA_KEY_OLD=x\nNORA_KEY=NEW\n'],
    ['an empty slot filled in place', 'export NORA_KEY=\nB=2\n', 'export NORA_KEY=NEW\nB=2\n'],
    ['an empty quoted slot filled in place', 'export NORA_KEY=""\n', 'export NORA_KEY="NEW"\n'],
    ['an empty slot with a comment filled in place', 'export NORA_KEY= # set by Keyturn\n', 'export NORA_KEY=NEW # set by Keyturn\n'],
  ])('%s', (_what, before, after) => {
    expect(replaceDotenvValue(before, 'NORA_KEY', 'NEW', { append: true }).text).toBe(after);
  });

  it('quotes a value that needs it when the line was unquoted', () => {
    const out = replaceDotenvValue('K=old\n', 'K', 'a b#c"d').text;
    expect(out).toBe('K="a b#c\\"d"\n');
    expect(readDotenvValue(out, 'K')).toBe('a b#c"d');
  });

  it('reads an empty slot (`export VAR=`, with or without a comment) as an empty value, not as a key', () => {
    for (const text of ['export NORA_KEY=\n', 'export NORA_KEY=""\n', "NORA_KEY=''\n", 'export NORA_KEY= # set me\n', 'NORA_KEY=   #set me\n']) {
      expect(readDotenvValue(text, 'NORA_KEY'), text).toBe('');
    }
    // Without a space before it, `#` belongs to the value, as the inline-comment rule says.
    expect(readDotenvValue('NORA_KEY=#abc\n', 'NORA_KEY')).toBe('#abc');
  });

  it('refuses a value with a line break', () => {
    expect(() => replaceDotenvValue('K=1\n', 'K', 'a\nb')).toThrow(expect.objectContaining({ problem: expect.objectContaining({ code: 'target.value.multiline' }) }));
  });

  it('never appends a missing variable unless asked to', () => {
    expect(() => replaceDotenvValue('OTHER=1\n', 'K', 'new')).toThrow(/no K= line/);
    expect(replaceDotenvValue('OTHER=1\n', 'K', 'new', { append: true })).toEqual({ text: 'OTHER=1\nK=new\n', replaced: 0, appended: true });
  });

  // Arbitrary .env-like files: comments, blank lines, other assignments in every quoting style,
  // export prefixes, LF/CRLF/mixed endings, no final newline, unicode.
  const otherName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/).filter((n) => n !== 'NORA_KEY');
  const plainValue = fc.stringMatching(/^[A-Za-z0-9_./:+-]{0,20}$/);
  const line = fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 20 }).map((s) => `# ${s.replace(/[\r\n]/g, '')}`),
    fc.tuple(fc.boolean(), otherName, plainValue).map(([exp, n, v]) => `${exp ? 'export ' : ''}${n}=${v}`),
    fc.tuple(otherName, plainValue).map(([n, v]) => `${n}="${v}"`),
    fc.tuple(otherName, plainValue).map(([n, v]) => `${n}='${v}'`),
    fc.tuple(otherName, fc.string({ maxLength: 10 })).map(([n, v]) => `${n}=${v.replace(/[\r\n#\s"']/g, '')} # ünïcødé ${v.replace(/[\r\n]/g, '')}`),
    fc.tuple(fc.boolean(), fc.constantFrom('', '"', "'"), plainValue).map(([exp, q, v]) => `${exp ? 'export ' : ''}NORA_KEY=${q}${v}${q}`),
  );
  const file = fc
    .tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }), fc.boolean())
    .map(([lines, finalNewline]) => {
      const text = lines.map(([l, e]) => l + e).join('');
      return finalNewline ? text : text.replace(/\r?\n$/, '');
    });

  it('property: only the value spans change, and the new value is read back', () => {
    fc.assert(
      fc.property(file, (text) => {
        const before = scanAssignments(text).filter((a) => a.variable === 'NORA_KEY');
        const { text: out, appended } = replaceDotenvValue(text, 'NORA_KEY', KEY, { append: true });
        expect(readDotenvValue(out, 'NORA_KEY')).toBe(KEY);
        if (appended) {
          expect(before).toHaveLength(0);
          expect(out.startsWith(text)).toBe(true);
          return;
        }
        // Cut the value spans out of both texts: what is left must be byte-identical.
        const strip = (t: string) => {
          let rest = '';
          let cursor = 0;
          for (const a of scanAssignments(t).filter((x) => x.variable === 'NORA_KEY')) {
            rest += t.slice(cursor, a.valueStart);
            cursor = a.valueEnd;
          }
          return rest + t.slice(cursor);
        };
        expect(strip(out)).toBe(strip(text));
        // Every other variable reads as it did.
        for (const other of scanAssignments(text).filter((a) => a.variable !== 'NORA_KEY')) {
          expect(readDotenvValue(out, other.variable)).toBe(readDotenvValue(text, other.variable));
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
