// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findingsSummary, fittingInstances, placeWhere, proposedName, shortSha } from '../../../../../renderer/src/features/scan/scan-groups.js';
import { foundByScanText, scanSiteWhere, sortedScanSites } from '../../../../../renderer/src/features/scan/scan-site-text.js';
import { instance } from '../../fake-host.js';

const seenAt = '2026-12-01T00:00:00.000Z';

describe('how the app words what a scan found', () => {
  it('a scan site in a file is its place; one in the history names the commit by its short sha', () => {
    expect(scanSiteWhere({ file: '/p/src/a.ts', line: 3 })).toBe('in /p/src/a.ts:3');
    expect(foundByScanText({ file: '/p/deploy.sh', line: 2, commit: 'abc1234def5678' })).toBe('Found by a scan in commit abc1234 of /p/deploy.sh');
  });

  it('the files come first, by file and line, then the commits', () => {
    const sites = [
      { file: '/p/b.ts', line: 1, commit: 'f'.repeat(40), seenAt },
      { file: '/p/b.ts', line: 9, seenAt },
      { file: '/p/a.ts', line: 4, seenAt },
      { file: '/p/b.ts', line: 2, seenAt },
    ];
    expect(sortedScanSites(sites).map((s) => `${s.file}:${s.line}${s.commit ? '@' : ''}`)).toEqual(['/p/a.ts:4', '/p/b.ts:2', '/p/b.ts:9', '/p/b.ts:1@']);
  });

  it('the summary counts keys, not places, and says how many the vault holds', () => {
    const group = (inVault: string | null) => ({ fingerprint: 'x', inVault, match: null, maskedKey: 'nte_…', providerId: 'xora', environment: null, org: null, places: [] });
    expect(findingsSummary([group('xora/acme/main/api'), group(null), group(null)])).toBe('3 keys found: 1 in your vault, 2 not in the vault');
    expect(findingsSummary([group(null)])).toBe('1 key found: 0 in your vault, 1 not in the vault');
    expect(placeWhere({ path: 'src/a.ts', line: 12 })).toBe('src/a.ts:12');
    expect(shortSha('0123456789abcdef')).toBe('0123456');
  });

  it("Add to vault proposes a name from the variable, and offers only the instances of the key's provider, environment and organization", () => {
    expect(proposedName({ places: [{ variable: null }, { variable: 'NORA_SECRET_KEY' }] as never })).toBe('nora-secret-key');
    expect(proposedName({ places: [{ variable: null }] as never })).toBe('key');
    const instances = [instance({ id: 'a', name: 'live' }), instance({ id: 'b', name: 'test', env: 'sandbox' }), instance({ id: 'c', name: 'other', org: 'globex' }), instance({ id: 'd', provider: 'nora', name: 'x' })];
    expect(fittingInstances({ providerId: 'xora', environment: 'production', org: null }, instances).map((i) => i.id)).toEqual(['a', 'c']);
    expect(fittingInstances({ providerId: 'xora', environment: null, org: 'acme' }, instances).map((i) => i.id)).toEqual(['a', 'b']);
    expect(fittingInstances({ providerId: null, environment: null, org: null }, instances)).toEqual([]);
  });
});
