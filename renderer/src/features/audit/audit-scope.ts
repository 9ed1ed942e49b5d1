import type { Key } from 'react-aria-components';

/** Whose keys the audit shows: this vault's, or every member's of the team it is joined to. */
export type AuditScope = 'mine' | 'team';

/** The switch's selection as a side: Team only when its button is chosen (the switch never leaves none chosen; if it did, this vault). */
export function scopeOf(selected: ReadonlySet<Key>): AuditScope {
  return selected.has('team') ? 'team' : 'mine';
}
