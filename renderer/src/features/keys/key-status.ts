import type { KeyRow } from '../../../../electron/contract/views.js';

/** A key's status as its row says it: what the person must believe about the key, in words. */
export interface KeyStatusText {
  /** The word the badge shows: never "active" for a key its provider rejected. */
  word: 'active' | 'pending' | 'previous' | 'expired' | 'revoked' | 'rejected';
  /** What the word needs to be true ("replaces api"), or null. */
  detail: string | null;
}

/** A rotation's pending key is marked as such (never an ordinary active key); a 401 at the last check shows as rejected. */
export function keyStatus(row: KeyRow, nameOfKey: (id: string) => string | undefined): KeyStatusText {
  if (row.status === 'revoked' || row.status === 'expired' || row.status === 'previous') return { word: row.status, detail: null };
  const pending = row.pendingFor !== null || row.status === 'pending';
  if (pending) {
    const replaced = row.pendingFor ? nameOfKey(row.pendingFor) : undefined;
    const replaces = replaced ? `replaces ${replaced}` : 'a rotation’s new key';
    return row.rejected ? { word: 'rejected', detail: `pending, ${replaces}` } : { word: 'pending', detail: replaces };
  }
  return row.rejected ? { word: 'rejected', detail: null } : { word: 'active', detail: null };
}

/** The status in one line, as the row and a screen reader give it: "pending (replaces api)". */
export function keyStatusLine(status: KeyStatusText): string {
  return status.detail ? `${status.word} (${status.detail})` : status.word;
}

/** A key that counts as one of the node's ordinary keys: live, and not a rotation's pending key. */
export function isOrdinaryLiveKey(row: KeyRow): boolean {
  return row.status === 'active' && row.pendingFor === null;
}
