import { describe, expect, it } from 'vitest';
import { emptyVaultDocument, keyRecordSchema, segmentSchema, vaultDocumentSchema, type KeyRecord, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { pendingKeyName, previousKeyName, providerKeyNameFor } from '../../../../electron/core/rotation/derived-names.js';

const FP = 'a'.repeat(64);
const key = (id: string, name: string, instanceId = 'i1'): KeyRecord => ({ id, instanceId, name, maskedKey: 'nxr_ab…', fingerprint: FP, createdAt: '2026-12-01T10:00:00.000Z', status: 'active', targets: [] });
const docWith = (...keys: KeyRecord[]): VaultDocument => ({ ...emptyVaultDocument(), keys });
const at = new Date('2026-12-01T10:14:00.000Z');
const name64 = `payments-${'x'.repeat(55)}`;

describe('names a rotation derives always fit a key name', () => {
  it('keeps today\'s readable names where they fit', () => {
    const doc = docWith(key('old', 'backend'));
    expect(pendingKeyName(doc, 'i1', 'new', 'backend')).toBe('backend.next');
    expect(previousKeyName(doc, 'i1', 'old', 'backend', at)).toBe('backend.previous-20261201-1014');
    expect(providerKeyNameFor('backend', at.toISOString(), '1a2b3c4d-0000')).toBe('backend-2026-12-01-1a2b3c');
  });

  for (const length of [41, 42, 59, 60, 64]) {
    it(`a ${length}-character name: pending, previous and provider names are valid names of at most 64 characters`, () => {
      const base = `k${'y'.repeat(length - 1)}`;
      expect(segmentSchema.safeParse(base).success).toBe(true);
      const doc = docWith(key('old', base));
      for (const derived of [pendingKeyName(doc, 'i1', 'new', base), previousKeyName(doc, 'i1', 'old', base, at), providerKeyNameFor(base, at.toISOString(), 'abcdef12')]) {
        expect(derived.length).toBeLessThanOrEqual(64);
        expect(segmentSchema.safeParse(derived).success, derived).toBe(true);
      }
      expect(pendingKeyName(doc, 'i1', 'new', base)).toMatch(/\.next$/);
      expect(previousKeyName(doc, 'i1', 'old', base, at)).toMatch(/\.previous-20261201-1014$/);
    });
  }

  it('stays unique in the instance: a shortened name taken by another key gets another tag; other instances do not count', () => {
    const doc = docWith(key('old', name64));
    const first = pendingKeyName(doc, 'i1', 'new', name64);
    const taken = docWith(key('old', name64), key('other', first));
    const second = pendingKeyName(taken, 'i1', 'new', name64);
    expect(second).not.toBe(first);
    expect(second.length).toBeLessThanOrEqual(64);
    expect(pendingKeyName(docWith(key('old', name64), key('other', first, 'i2')), 'i1', 'new', name64)).toBe(first);
    // A key's own name never counts against it (a create resumed after its record was written).
    expect(pendingKeyName(docWith(key('old', name64), key('new', first)), 'i1', 'new', name64)).toBe(first);
  });

  it('two previous keys of the same name in the same minute get different names', () => {
    const doc = docWith(key('k1', 'backend'), { ...key('k0', 'backend.previous-20261201-1014'), status: 'previous' });
    const again = previousKeyName(doc, 'i1', 'k1', 'backend', at);
    expect(again).not.toBe('backend.previous-20261201-1014');
    expect(again).toMatch(/^backend-[0-9a-f]{6}\.previous-20261201-1014$/);
  });

  it('records from older versions still load: old-style derived names, no replacedBy', () => {
    const old = { ...key('k0', 'backend.previous-20260101-1010'), status: 'revoked' };
    const pending = { ...key('k1', 'backend.next'), status: 'pending', rotatedFrom: 'k0' };
    expect(vaultDocumentSchema.safeParse({ ...emptyVaultDocument(), keys: [old, pending] }).success).toBe(true);
    expect(keyRecordSchema.parse({ ...old, replacedBy: 'k1' }).replacedBy).toBe('k1');
  });
});
