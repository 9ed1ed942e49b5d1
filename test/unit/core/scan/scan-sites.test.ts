import { describe, expect, it } from 'vitest';
import { emptyVaultDocument, type Instance, type KeyRecord, type VaultDocument } from '../../../../electron/core/domain/model.js';
import type { Finding, LeakScan, ScanKind } from '../../../../electron/core/scan/finding.js';
import { MAX_SCAN_SITES, recordScanSites } from '../../../../electron/core/scan/scan-sites.js';

const at = new Date('2026-12-01T10:00:00Z');
const later = new Date('2026-12-02T10:00:00Z');
const instance: Instance = { id: 'i', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: 'https://nexora.test', createdAt: at.toISOString() };
const FP1 = 'a'.repeat(64);
const FP2 = 'b'.repeat(64);
const key = (over: Partial<KeyRecord>): KeyRecord => ({ id: 'k1', instanceId: 'i', name: 'backend', maskedKey: 'nxr_…', fingerprint: FP1, createdAt: at.toISOString(), status: 'active', targets: [], ...over });
const doc = (keys: KeyRecord[]): VaultDocument => ({ ...emptyVaultDocument(), instances: [instance], keys });
const vault = () => doc([key({}), key({ id: 'k2', name: 'other', fingerprint: FP2 })]);

/** A finding of a vault key (`keyId`), or of an unknown key (null). */
function finding(file: string, line: number, keyId: 'k1' | 'k2' | null, commit?: string): Finding {
  return {
    file,
    path: file.replace(/^\/repo\//, ''),
    line,
    column: 1,
    variable: null,
    providerId: 'nexora',
    environment: 'production',
    org: null,
    maskedKey: 'nxr_…',
    fingerprint: keyId === 'k2' ? FP2 : keyId === 'k1' ? FP1 : 'c'.repeat(64),
    match: keyId ? { keyId, ref: `nexora/acme/self/${keyId}`, environment: 'production', status: 'active', maskedKey: 'nxr_…' } : null,
    commit: commit ? { sha: commit, authorDate: at.toISOString(), atHead: false } : null,
    secret: 'never-shown',
  };
}

function scan(kind: ScanKind, findings: Finding[], scannedFiles: string[] = [], root = '/repo'): LeakScan {
  return { kind, root, findings, references: [], scannedFiles, counts: { files: scannedFiles.length, commits: 0 } };
}

const sitesOf = (d: VaultDocument, id: string) => d.keys.find((k) => k.id === id)?.scanSites;

describe('recording where a scan found vault keys', () => {
  it('records a tree finding of a vault key as a site of that key, and an unknown key nowhere', () => {
    const next = recordScanSites(vault(), scan('tree', [finding('/repo/src/a.ts', 3, 'k1'), finding('/repo/src/b.ts', 1, null)], ['/repo/src/a.ts', '/repo/src/b.ts']), at).doc;
    expect(sitesOf(next, 'k1')).toEqual([{ file: '/repo/src/a.ts', line: 3, seenAt: at.toISOString() }]);
    expect(next.keys.find((k) => k.id === 'k2')).not.toHaveProperty('scanSites');
  });

  it('a rescan of a file the key was removed from drops its site; a file not read keeps its own', () => {
    const first = recordScanSites(vault(), scan('tree', [finding('/repo/a.ts', 1, 'k1'), finding('/other/b.ts', 2, 'k1')], ['/repo/a.ts', '/other/b.ts']), at).doc;
    const rescan = recordScanSites(first, scan('tree', [], ['/repo/a.ts']), later).doc;
    expect(sitesOf(rescan, 'k1')).toEqual([{ file: '/other/b.ts', line: 2, seenAt: at.toISOString() }]);
    const none = recordScanSites(rescan, scan('tree', [], ['/other/b.ts']), later).doc;
    // No sites left: the field goes, the record is as it was before any scan.
    expect(none.keys[0]).not.toHaveProperty('scanSites');
  });

  it('a tree scan leaves the commit sites of the files it read alone', () => {
    const history = recordScanSites(vault(), scan('history', [finding('/repo/a.ts', 1, 'k1', 'c0ffee')]), at).doc;
    const tree = recordScanSites(history, scan('tree', [], ['/repo/a.ts']), later).doc;
    expect(tree).toBe(history);
  });

  it('gives back the same document when nothing changes, so a scan with nothing to record writes nothing', () => {
    const start = vault();
    expect(recordScanSites(start, scan('tree', [finding('/repo/a.ts', 1, null)], ['/repo/a.ts', '/repo/b.ts']), at).doc).toBe(start);
    const recorded = recordScanSites(start, scan('tree', [finding('/repo/a.ts', 1, 'k1')], ['/repo/a.ts']), at).doc;
    // The same scan at the same moment records the same sites: nothing to write.
    expect(recordScanSites(recorded, scan('tree', [finding('/repo/a.ts', 1, 'k1')], ['/repo/a.ts']), at).doc).toBe(recorded);
  });

  it('a site found again takes the time of the scan that saw it last', () => {
    const first = recordScanSites(vault(), scan('tree', [finding('/repo/a.ts', 1, 'k1')], ['/repo/a.ts']), at).doc;
    const again = recordScanSites(first, scan('tree', [finding('/repo/a.ts', 1, 'k1')], ['/repo/a.ts']), later).doc;
    expect(sitesOf(again, 'k1')).toEqual([{ file: '/repo/a.ts', line: 1, seenAt: later.toISOString() }]);
  });

  it('records one site per place: the same key twice on a line is one site, two keys on it are one each', () => {
    const findings = [finding('/repo/a.ts', 4, 'k1'), finding('/repo/a.ts', 4, 'k1'), finding('/repo/a.ts', 4, 'k2')];
    const next = recordScanSites(vault(), scan('tree', findings, ['/repo/a.ts']), at).doc;
    expect(sitesOf(next, 'k1')).toHaveLength(1);
    expect(sitesOf(next, 'k2')).toHaveLength(1);
  });

  it('a key found by fingerprint alone (imported by the same scan) gets its sites too', () => {
    const f = { ...finding('/repo/.env', 2, null), fingerprint: FP2 };
    expect(sitesOf(recordScanSites(vault(), scan('tree', [f], ['/repo/.env']), at).doc, 'k2')).toEqual([{ file: '/repo/.env', line: 2, seenAt: at.toISOString() }]);
  });

  it('a history scan adds its commit sites and keeps those of commits it did not find, since a commit never changes', () => {
    const first = recordScanSites(vault(), scan('history', [finding('/repo/a.ts', 1, 'k1', 'aaa1111'), finding('/repo/b.ts', 2, 'k1', 'bbb2222')]), at).doc;
    // A later scan that read less history (--since) finds only the newer commit.
    const since = recordScanSites(first, scan('history', [finding('/repo/b.ts', 2, 'k1', 'bbb2222')]), later).doc;
    expect(sitesOf(since, 'k1')).toEqual([
      { file: '/repo/b.ts', line: 2, commit: 'bbb2222', seenAt: later.toISOString() },
      { file: '/repo/a.ts', line: 1, commit: 'aaa1111', seenAt: at.toISOString() },
    ]);
  });

  it('a history scan replaces a key\'s sites of a commit only when it found that key in it', () => {
    const first = recordScanSites(vault(), scan('history', [finding('/repo/a.ts', 1, 'k1', 'aaa1111'), finding('/repo/a.ts', 2, 'k2', 'aaa1111')]), at).doc;
    // The same commit read again, its line numbers told differently: the key's old site of that commit goes.
    const again = recordScanSites(first, scan('history', [finding('/repo/a.ts', 3, 'k2', 'aaa1111')]), later).doc;
    expect(sitesOf(again, 'k2')).toEqual([{ file: '/repo/a.ts', line: 3, commit: 'aaa1111', seenAt: later.toISOString() }]);
    // k1 was not among what this scan found in the commit: its site stays as it was.
    expect(sitesOf(again, 'k1')).toEqual(sitesOf(first, 'k1'));
  });

  it('a history scan replaces the sites of a commit it found only under its own root', () => {
    // Two clones of one repository share commits; a scan of one speaks for its own files only.
    const first = recordScanSites(vault(), scan('history', [finding('/clone/a.ts', 1, 'k1', 'aaa1111')], [], '/clone'), at).doc;
    const other = recordScanSites(first, scan('history', [finding('/repo/a.ts', 1, 'k1', 'aaa1111')], [], '/repo'), later).doc;
    expect(sitesOf(other, 'k1')?.map((s) => s.file)).toEqual(['/repo/a.ts', '/clone/a.ts']);
    // The root /rep is not /repo's parent: a prefix of a name is not a folder.
    const prefix = recordScanSites(other, scan('history', [finding('/rep/a.ts', 9, 'k1', 'aaa1111')], [], '/rep'), later).doc;
    expect(sitesOf(prefix, 'k1')).toHaveLength(3);
  });

  it('a staged or pushed scan records nothing', () => {
    const start = vault();
    for (const kind of ['staged', 'pushed'] as const) {
      expect(recordScanSites(start, scan(kind, [finding('/repo/a.ts', 1, 'k1', 'aaa1111')], ['/repo/a.ts']), at).doc).toBe(start);
    }
  });

  it(`keeps at most ${MAX_SCAN_SITES} sites per key, newest first, so a key pasted in thousands of files cannot bloat the vault`, () => {
    const older = recordScanSites(vault(), scan('tree', [finding('/old/x.ts', 1, 'k1')], ['/old/x.ts']), at).doc;
    const files = Array.from({ length: 10_000 }, (_, i) => `/repo/f${String(i).padStart(5, '0')}.ts`);
    const next = recordScanSites(older, scan('tree', files.map((f) => finding(f, 1, 'k1')), files), later).doc;
    const sites = sitesOf(next, 'k1') ?? [];
    expect(sites).toHaveLength(MAX_SCAN_SITES);
    expect(sites.every((s) => s.seenAt === later.toISOString())).toBe(true);
    expect(sites[0]?.file).toBe('/repo/f00000.ts');
  });

  it('scan sites stay with the key they are: a key that is no longer current keeps its own', () => {
    const revoked = doc([key({ status: 'revoked', name: 'backend.previous', replacedBy: 'k2' }), key({ id: 'k2', fingerprint: FP2 })]);
    const next = recordScanSites(revoked, scan('tree', [finding('/repo/a.ts', 1, 'k1')], ['/repo/a.ts']), at).doc;
    expect(sitesOf(next, 'k1')).toHaveLength(1);
    expect(sitesOf(next, 'k2')).toBeUndefined();
  });
});
