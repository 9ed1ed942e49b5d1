import { describe, expect, it } from 'vitest';
import { emptyVaultDocument, type Instance, type KeyRecord, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { recordReferenceSites, type FoundReference } from '../../../../electron/core/references/record-sites.js';
import { scanReferences } from '../../../../electron/core/scan/reference-views.js';

const at = new Date('2026-12-01T10:00:00Z');
const instance: Instance = { id: 'i', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: 'https://nexora.test', createdAt: at.toISOString() };
const key = (over: Partial<KeyRecord>): KeyRecord => ({ id: 'k1', instanceId: 'i', name: 'backend', maskedKey: 'nxr_…', fingerprint: 'a'.repeat(64), createdAt: at.toISOString(), status: 'active', targets: [], ...over });
const doc = (keys: KeyRecord[]): VaultDocument => ({ ...emptyVaultDocument(), instances: [instance], keys });
const found = (file: string, line: number, reference: string, variable?: string): FoundReference => ({ file, line, reference, ...(variable ? { variable } : {}) });

describe('recording the references a scan found', () => {
  it('records a site by name on the key holding the name, and one by id on that key', () => {
    const start = doc([key({}), key({ id: 'k0', name: 'backend.previous', status: 'revoked', fingerprint: 'b'.repeat(64) })]);
    const { doc: next, unresolved } = recordReferenceSites(start, ['/p/.env'], [found('/p/.env', 2, 'keyturn://nexora/acme/self/backend', 'API'), found('/p/.env', 3, 'keyturn://id/k0', 'OLD')], at);
    expect(unresolved).toEqual([]);
    expect(next.keys.find((k) => k.id === 'k1')?.referenceSites).toEqual([{ file: '/p/.env', line: 2, by: 'name', variable: 'API', seenAt: at.toISOString() }]);
    // A revoked key's remaining sites still show: they are what breaks.
    expect(next.keys.find((k) => k.id === 'k0')?.referenceSites).toEqual([{ file: '/p/.env', line: 3, by: 'id', variable: 'OLD', seenAt: at.toISOString() }]);
  });

  it('a rescan after a reference was removed from a file drops its site; a file not scanned keeps its own', () => {
    const first = recordReferenceSites(doc([key({})]), ['/p/.env', '/q/.env'], [found('/p/.env', 2, 'keyturn://nexora/acme/self/backend'), found('/q/.env', 1, 'keyturn://nexora/acme/self/backend')], at).doc;
    const later = new Date('2026-12-02T10:00:00Z');
    const rescan = recordReferenceSites(first, ['/p/.env'], [], later).doc;
    expect(rescan.keys[0]?.referenceSites?.map((s) => s.file)).toEqual(['/q/.env']);
    const none = recordReferenceSites(rescan, ['/q/.env'], [], later).doc;
    // No sites left: the field goes, the record is as it was before any scan.
    expect(none.keys[0]).not.toHaveProperty('referenceSites');
  });

  it('references that name nothing here are reported, recorded nowhere, and shown without a key', () => {
    const start = doc([key({})]);
    const refs = [found('/p/.env', 1, 'keyturn://nexora/acme/self/nope'), found('/p/.env', 2, 'keyturn://other/acme/x/y'), found('/p/.env', 3, 'keyturn://id/missing')];
    const { doc: next, unresolved } = recordReferenceSites(start, ['/p/.env'], refs, at);
    expect(unresolved.map((u) => u.line)).toEqual([1, 2, 3]);
    expect(next).toBe(start);
    expect(scanReferences(next, refs).map((r) => r.keyRef)).toEqual([null, null, null]);
  });

  it('gives back the same document when nothing changes, so a scan of files without references writes nothing', () => {
    const start = doc([key({})]);
    expect(recordReferenceSites(start, ['/p/.env', '/p/b.env'], [], at).doc).toBe(start);
  });

  it('shows each found reference with the key it names now, by ref', () => {
    const now = doc([key({}), key({ id: 'k0', name: 'backend.previous', status: 'revoked', fingerprint: 'b'.repeat(64) })]);
    expect(scanReferences(now, [found('/p/.env', 2, 'keyturn://nexora/acme/self/backend', 'API'), found('/p/.env', 3, 'keyturn://id/k0')])).toEqual([
      { file: '/p/.env', line: 2, variable: 'API', reference: 'keyturn://nexora/acme/self/backend', keyRef: 'nexora/acme/self/backend' },
      { file: '/p/.env', line: 3, variable: null, reference: 'keyturn://id/k0', keyRef: 'nexora/acme/self/backend.previous' },
    ]);
  });
});
