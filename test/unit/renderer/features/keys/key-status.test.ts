// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isOrdinaryLiveKey, keyStatus, keyStatusLine } from '../../../../../renderer/src/features/keys/key-status.js';
import { keyRow } from '../../fake-host.js';

const names = new Map([['key-1', 'api']]);
const nameOf = (id: string) => names.get(id);

describe('keyStatus', () => {
  it('a key its provider rejected (401) never reads as active', () => {
    const s = keyStatus(keyRow({ rejected: true }), nameOf);
    expect(s.word).toBe('rejected');
    expect(keyStatusLine(s)).toBe('rejected');
  });

  it('a rotation’s pending key says which key it replaces, and is not an ordinary live key', () => {
    const pending = keyRow({ id: 'key-2', name: 'api-next', status: 'pending', pendingFor: 'key-1' });
    expect(keyStatusLine(keyStatus(pending, nameOf))).toBe('pending (replaces api)');
    expect(isOrdinaryLiveKey(pending)).toBe(false);
    // Marked by pendingFor alone (its status may already read active): still the rotation's pending key.
    const marked = keyRow({ id: 'key-2', status: 'active', pendingFor: 'key-1' });
    expect(keyStatus(marked, nameOf).word).toBe('pending');
    expect(isOrdinaryLiveKey(marked)).toBe(false);
  });

  it('a pending key the provider rejected reads as rejected, still naming the key it replaces', () => {
    expect(keyStatusLine(keyStatus(keyRow({ status: 'pending', pendingFor: 'key-1', rejected: true }), nameOf))).toBe('rejected (pending, replaces api)');
  });

  it('a revoked key reads as revoked even though it now gets a 401', () => {
    expect(keyStatus(keyRow({ status: 'revoked', rejected: true }), nameOf).word).toBe('revoked');
  });

  it('an ordinary key reads as active', () => {
    const row = keyRow();
    expect(keyStatus(row, nameOf)).toEqual({ word: 'active', detail: null });
    expect(isOrdinaryLiveKey(row)).toBe(true);
  });
});
