import { describe, expect, it } from 'vitest';
import type { KeyRecord, ReferenceSite } from '../../../../electron/core/domain/model.js';
import { splitReferenceSites, withReferenceSites } from '../../../../electron/core/references/sites.js';

const site = (by: 'name' | 'id', line: number): ReferenceSite => ({ file: '/app/.env', line, by, seenAt: '2026-01-01T00:00:00.000Z' });
const record: KeyRecord = { id: 'k', instanceId: 'i', name: 'api', maskedKey: 'nxr_…', fingerprint: 'a'.repeat(64), createdAt: '2026-01-01T00:00:00.000Z', status: 'active', targets: [] };

describe('reference sites through a rotation', () => {
  it('by-name sites go with the name; by-id sites stay with the key they name', () => {
    const { byName, byId } = splitReferenceSites([site('name', 1), site('id', 2), site('name', 3)]);
    expect(byName.map((s) => s.line)).toEqual([1, 3]);
    expect(byId.map((s) => s.line)).toEqual([2]);
  });

  it('a record left with no sites has no field at all, and one with sites has exactly them', () => {
    expect('referenceSites' in withReferenceSites({ ...record, referenceSites: [site('name', 1)] }, [])).toBe(false);
    expect(withReferenceSites({ ...record, referenceSites: [site('name', 1)] }, [site('id', 2)]).referenceSites).toEqual([site('id', 2)]);
  });
});
