import { describe, expect, it } from 'vitest';
import { columnsFor, gridTemplate, minTableWidth } from '../../../../../renderer/src/features/keys/key-columns.js';

const ids = (w: number) => columnsFor(w).map((c) => c.id);
const needed = (w: number) => minTableWidth(columnsFor(w));

describe('columnsFor', () => {
  it('a wide table shows every column', () => {
    expect(ids(1200)).toEqual(['name', 'env', 'status', 'masked', 'due', 'verified', 'age', 'actions']);
  });

  it('the table of a 900 px window (minus the tree) keeps name, environment, status and due date, and they fit', () => {
    expect(ids(660)).toEqual(['name', 'env', 'status', 'due', 'actions']);
    expect(needed(660)).toBeLessThanOrEqual(660);
  });

  it('at every width down to 600 px the columns shown fit their minimum widths (nothing is cut)', () => {
    for (let w = 600; w <= 1400; w += 10) expect(needed(w), `at ${w} px`).toBeLessThanOrEqual(w);
  });

  it('the environment and the status always show', () => {
    for (const w of [300, 500, 700, 900, 1300]) expect(ids(w)).toEqual(expect.arrayContaining(['name', 'env', 'status', 'actions']));
  });
});

describe('columnsFor identity', () => {
  it('gives the same array for the same set of columns (the grid keeps its rows when the width changes a little)', () => {
    expect(columnsFor(700)).toBe(columnsFor(710));
    expect(columnsFor(700)).not.toBe(columnsFor(1200));
  });
});

describe('gridTemplate', () => {
  it('gives the name what is left, never less than its minimum, and every other column its width', () => {
    expect(gridTemplate(columnsFor(660))).toBe('minmax(140px, 1fr) 116px 124px 168px 48px');
  });
});
