import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReferencesInText, isReference, parseReference, referenceById, referenceFor, tryParseReference } from '../../../../electron/core/references/reference.js';
import { problemWith } from '../../../support/problem-match.js';

const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/).filter((s) => !s.endsWith('.'));

describe('keyturn:// references', () => {
  it('names a key by its ref or by its id', () => {
    expect(parseReference('keyturn://nora/acme/live/backend')).toEqual({ by: 'name', ref: 'nora/acme/live/backend' });
    expect(parseReference('keyturn://custom:corp/acme/main/api')).toEqual({ by: 'name', ref: 'custom:corp/acme/main/api' });
    expect(parseReference('keyturn://id/3f2a9c1e-0b7d-4c55-9e1a-2f6d8b7c9a10')).toEqual({ by: 'id', keyId: '3f2a9c1e-0b7d-4c55-9e1a-2f6d8b7c9a10' });
    expect(referenceFor('nora/acme/live/backend')).toBe('keyturn://nora/acme/live/backend');
    expect(referenceById('k1')).toBe('keyturn://id/k1');
  });

  it('refuses a reference of the wrong shape with the form it must take, and shows no key pasted in its place', () => {
    for (const bad of ['keyturn://nora/acme/live', 'keyturn://nora/acme/live/backend/extra', 'keyturn://nora//live/x', 'keyturn://id/', 'keyturn://nora/acme/live/-x']) {
      expect(() => parseReference(bad), bad).toThrow(problemWith('reference.malformed', { field: 'ref' }));
    }
    try {
      parseReference('keyturn://sk_live_abcdefghijklmnopqrstuvwx');
      expect.unreachable();
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('sk_live_abcdefghijklmnopqrstuvwx');
    }
  });

  it('a value is a reference only with the scheme: plain values are never taken for one', () => {
    expect(isReference('nora/acme/live/backend')).toBe(false);
    expect(isReference('KEYTURN://nora/acme/live/backend')).toBe(false);
    expect(tryParseReference('https://nora/acme/live/backend')).toBeNull();
  });

  it('round-trips every well-formed ref', () => {
    fc.assert(
      fc.property(segment, segment, segment, segment, (p, o, i, n) => {
        const ref = `${p}/${o}/${i}/${n}`;
        expect(parseReference(referenceFor(ref))).toEqual({ by: 'name', ref });
      }),
    );
  });

  it('finds references in any text with their line and column, stopping at quotes, braces and a full stop', () => {
    const text = 'a: "keyturn://nora/acme/live/backend"\r\nb: {{ keyturn://id/k-1 }}\nsee keyturn://xora/acme/jobs/api.\nbad keyturn://nora/x\n';
    const found = findReferencesInText(text);
    expect(found.map(({ reference, line, column }) => ({ reference, line, column }))).toEqual([
      { reference: 'keyturn://nora/acme/live/backend', line: 1, column: 5 },
      { reference: 'keyturn://id/k-1', line: 2, column: 7 },
      { reference: 'keyturn://xora/acme/jobs/api', line: 3, column: 5 },
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.reference);
  });
});
