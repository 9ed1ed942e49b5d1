import { describe, expect, it } from 'vitest';
import type { ScanSite } from '../../../electron/core/domain/model.js';
import { MAX_SCAN_SITES } from '../../../electron/core/scan/scan-sites.js';
import { scanSiteAdvice, scanSiteList } from '../../../electron/cli/scan-sites.js';

const seenAt = '2026-12-01T10:00:00.000Z';
const inFile = (i: number): ScanSite => ({ file: `/repo/f${i}.ts`, line: i + 1, seenAt });

describe('the places a scan found a key, as the terminal lists them', () => {
  it('an emergency lists the first twenty and says how to see the rest', () => {
    const listed = scanSiteList(Array.from({ length: 25 }, (_, i) => inFile(i)), 'nexora/acme/self/ci');
    expect(listed.split('\n').filter(Boolean)).toHaveLength(21);
    expect(listed).toMatch(/^ {2}\/repo\/f0\.ts:1\n/);
    expect(listed).toMatch(/\n {2}\/repo\/f19\.ts:20\n {2}and 5 more \(keyturn key show nexora\/acme\/self\/ci\)\n$/);
    expect(scanSiteList([{ file: '/repo/a.ts', line: 3, commit: 'abc1234def5678', seenAt }], 'x/y/z/w')).toBe('  in commit abc1234: /repo/a.ts:3\n');
  });

  it('advises by where the key is: a file is cleaned, a commit needs a rewrite or the revoke; a full list says it is capped', () => {
    expect(scanSiteAdvice([inFile(0)])).toBe('remove it from those files');
    expect(scanSiteAdvice([{ ...inFile(0), commit: 'abc1234' }])).toBe(
      'a commit keeps it in the history (and in every clone) until the history is rewritten: revoking the key is what makes a committed key harmless',
    );
    expect(scanSiteAdvice(Array.from({ length: MAX_SCAN_SITES }, (_, i) => inFile(i)))).toBe(`remove it from those files (only the newest ${MAX_SCAN_SITES} places are kept: scan again once these are gone)`);
  });
});
