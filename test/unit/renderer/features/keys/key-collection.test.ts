// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { KeyRowCollection } from '../../../../../renderer/src/features/keys/key-collection.js';
import { keyRow } from '../../fake-host.js';

const a = keyRow({ id: 'k1', ref: 'xora/acme/jobs/a', name: 'a' });
const b = keyRow({ id: 'k2', ref: 'xora/acme/jobs/b', name: 'b' });
const c = keyRow({ id: 'k3', ref: 'xora/acme/jobs/c', name: 'c' });

describe('KeyRowCollection', () => {
  it('walks the rows in order by reference, as the grid’s arrow keys do', () => {
    const rows = new KeyRowCollection([a, b, c]);
    expect(rows.size).toBe(3);
    expect(rows.getFirstKey()).toBe(a.ref);
    expect(rows.getKeyAfter(a.ref)).toBe(b.ref);
    expect(rows.getKeyBefore(a.ref)).toBeNull();
    expect(rows.getKeyAfter(c.ref)).toBeNull();
    expect(rows.getLastKey()).toBe(c.ref);
    expect(rows.at(1)?.value).toBe(b);
    expect(rows.getTextValue(b.ref)).toBe('b');
    expect([...rows].map((n) => n.key)).toEqual([a.ref, b.ref, c.ref]);
  });

  it('a filtered list keeps the same node per row, at its new place', () => {
    const all = new KeyRowCollection([a, b, c]);
    const filtered = new KeyRowCollection([c, a]);
    expect(filtered.getItem(a.ref)).toBe(all.getItem(a.ref));
    expect(filtered.indexOf(a.ref)).toBe(1);
    expect(filtered.getKeyAfter(c.ref)).toBe(a.ref);
    expect(filtered.getItem(b.ref)).toBeNull();
  });
});

describe('a key row’s node', () => {
  it('is found by typing its name and announced with its instance', () => {
    const node = new KeyRowCollection([a]).getItem(a.ref);
    expect(node?.textValue).toBe('a');
    expect(node?.['aria-label']).toBe('a in xora/acme/jobs');
  });
});
