import { describe, expect, it } from 'vitest';
import type { ReferenceSite } from '../../../../../electron/contract/views.js';
import {
  afterRevokeText,
  byIdRotationText,
  byNameInsteadText,
  followingText,
  siteFollows,
  siteShort,
  sitesByKind,
  siteWhere,
  sortedSites,
  usedByReferenceText,
} from '../../../../../renderer/src/features/references/site-text.js';

const site = (over: Partial<ReferenceSite> = {}): ReferenceSite => ({ file: '/srv/app/.env', line: 3, by: 'name', variable: 'XORA_API_KEY', seenAt: '2026-12-01T10:00:00.000Z', ...over });

describe('reference sites in words', () => {
  it('a site is its file and line, with the variable it fills when there is one', () => {
    expect(siteWhere(site())).toBe('/srv/app/.env:3');
    expect(siteShort(site())).toBe('/srv/app/.env:3 (XORA_API_KEY)');
    const { variable: _none, ...withoutVariable } = site();
    expect(siteShort(withoutVariable)).toBe('/srv/app/.env:3');
  });

  it('says a reference by name follows rotations and one by id names this key only', () => {
    expect(siteFollows(site({ by: 'name' }))).toBe('by name — follows rotations');
    expect(siteFollows(site({ by: 'id' }))).toBe('by id — names this key only');
  });

  it('orders sites by file, then by line as a number (line 10 after line 9)', () => {
    const sites = [site({ file: '/b/.env', line: 1 }), site({ file: '/a/.env', line: 10 }), site({ file: '/a/.env', line: 9 })];
    expect(sortedSites(sites).map(siteWhere)).toEqual(['/a/.env:9', '/a/.env:10', '/b/.env:1']);
    // The list it was given is left as it was.
    expect(sites.map(siteWhere)).toEqual(['/b/.env:1', '/a/.env:10', '/a/.env:9']);
  });

  it('splits the sites that follow the name from those by id', () => {
    const { byName, byId } = sitesByKind([site({ line: 2, by: 'id' }), site({ line: 1 }), site({ line: 3 })]);
    expect(byName.map((s) => s.line)).toEqual([1, 3]);
    expect(byId.map((s) => s.line)).toEqual([2]);
  });

  it('a rotation counts the references that follow, in the singular too', () => {
    expect(followingText(3)).toBe('3 references follow automatically; restart the processes that use them.');
    expect(followingText(1)).toBe('1 reference follows automatically; restart the processes that use it.');
  });

  it('a rotation warns that references by id stop once the old key is revoked, and says to change them', () => {
    expect(byIdRotationText(2)).toBe('2 references name the old key by its id and will stop working once it is revoked.');
    expect(byIdRotationText(1)).toBe('1 reference names the old key by its id and will stop working once it is revoked.');
    expect(byNameInsteadText(2)).toBe('To follow rotations, change them to');
  });

  it('the emergency panel lists every site beside the swap targets', () => {
    expect(usedByReferenceText([site({ file: '/b/.env' }), site({ file: '/a/.env', variable: undefined })])).toBe('Used by reference in: /a/.env:3; /b/.env:3 (XORA_API_KEY)');
  });

  it('after a revoke, says what to restart by name and what to repoint by id, and nothing about a kind it does not have', () => {
    const both = afterRevokeText([site({ file: '/a/.env' }), site({ file: '/b/.env', by: 'id', variable: 'OLD' })]);
    expect(both).toContain('Restart what reads it by name once a new key holds its name');
    expect(both).toContain('/a/.env:3 (XORA_API_KEY)');
    expect(both).toContain('Point the references to it by id at the new key');
    expect(both).toContain('/b/.env:3 (OLD)');
    expect(afterRevokeText([site()])).not.toContain('by id');
    expect(afterRevokeText([site({ by: 'id' })])).not.toContain('by name');
  });
});
