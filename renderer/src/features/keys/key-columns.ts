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

export function columnsFor(tableWidth: number): KeyColumn[] {
  const dropped = new Set(COLUMN_DROPS.filter((d) => tableWidth < d.below).map((d) => d.drop));
  return [NAME, ENV, STATUS, MASKED, DUE, VERIFIED, AGE, ACTIONS].filter((c) => !dropped.has(c.id));
}
