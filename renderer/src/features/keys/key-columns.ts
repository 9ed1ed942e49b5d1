/** The key table's columns, and which of them fit the width the table has. */
export type KeyColumnId = 'name' | 'env' | 'status' | 'masked' | 'due' | 'verified' | 'age' | 'actions';

export interface KeyColumn {
  id: KeyColumnId;
  label: string;
  /** Pixels, or `1fr` for the column that takes what is left (the name). */
  width: number | '1fr';
  minWidth: number;
}

// Each width holds its longest content without cutting it: "PRODUCTION", "rejected", "due soon 2026-06-03".
const NAME: KeyColumn = { id: 'name', label: 'Name', width: '1fr', minWidth: 140 };
const ENV: KeyColumn = { id: 'env', label: 'Environment', width: 116, minWidth: 116 };
const STATUS: KeyColumn = { id: 'status', label: 'Status', width: 124, minWidth: 124 };
const MASKED: KeyColumn = { id: 'masked', label: 'Key', width: 132, minWidth: 132 };
const DUE: KeyColumn = { id: 'due', label: 'Due', width: 168, minWidth: 168 };
const VERIFIED: KeyColumn = { id: 'verified', label: 'Last verified', width: 150, minWidth: 150 };
const AGE: KeyColumn = { id: 'age', label: 'Age', width: 64, minWidth: 64 };
const ACTIONS: KeyColumn = { id: 'actions', label: 'Actions', width: 48, minWidth: 48 };

/**
 * The least needed columns go first as the table narrows (the values stay in the key's detail):
 * the age, then the masked key, then the last verification. Name, environment, status and due
 * date always show, whole.
 */
export const COLUMN_DROPS: readonly { below: number; drop: KeyColumnId }[] = [
  { below: 960, drop: 'age' },
  { below: 880, drop: 'masked' },
  { below: 750, drop: 'verified' },
  // Narrower than a drawer-less 900 px window gives: the due date and its state stay in the detail.
  { below: 600, drop: 'due' },
];

const ALL_COLUMNS: readonly KeyColumn[] = [NAME, ENV, STATUS, MASKED, DUE, VERIFIED, AGE, ACTIONS];
/** One array per set of columns, so the grid sees the same columns as unchanged (and keeps its built rows). */
const bySet = new Map<number, readonly KeyColumn[]>();

export function columnsFor(tableWidth: number): readonly KeyColumn[] {
  const dropped = COLUMN_DROPS.filter((d) => tableWidth < d.below).length;
  let columns = bySet.get(dropped);
  if (!columns) {
    const gone = new Set(COLUMN_DROPS.slice(0, dropped).map((d) => d.drop));
    columns = ALL_COLUMNS.filter((c) => !gone.has(c.id));
    bySet.set(dropped, columns);
  }
  return columns;
}

/** The columns as a CSS grid template, the same for the header and every row: the name takes what is left. */
export function gridTemplate(columns: readonly KeyColumn[]): string {
  return columns.map((c) => (c.width === '1fr' ? `minmax(${c.minWidth}px, 1fr)` : `${c.width}px`)).join(' ');
}

/** The narrowest the columns can be: below it the table scrolls sideways (header and rows together) rather than cut a value. */
export function minTableWidth(columns: readonly KeyColumn[]): number {
  return columns.reduce((n, c) => n + (c.width === '1fr' ? c.minWidth : c.width), 0);
}
