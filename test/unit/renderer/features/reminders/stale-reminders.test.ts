// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { staleReminders } from '../../../../../renderer/src/features/reminders/stale-reminders.js';
import { useStaleReminders } from '../../../../../renderer/src/features/reminders/useStaleReminders.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { keyRow, overview, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(cleanup);

const due = keyRow({ policy: { state: 'due soon', dueOn: '2026-02-01', dueBy: 'max age' } });
const reminder = { ref: 'xora/acme/jobs/api', title: 'xora/acme/jobs/api is due', body: 'rotate it' };

describe('a reminder goes once its key was rotated', () => {
  it('stays while the key it is about still needs attention', () => {
    expect(staleReminders([reminder], overview({ keys: [due] }), new Map([[due.ref, due.id]]))).toEqual([]);
  });

  it('goes when a newer key took the name, the key is previous or revoked, or its policy is met', () => {
    const rotatedIn = keyRow({ id: 'key-2', policy: { state: 'ok', dueOn: null, dueBy: null } });
    expect(staleReminders([reminder], overview({ keys: [rotatedIn] }), new Map([[due.ref, due.id]]))).toEqual([reminder.ref]);
    // A newer key that is itself due (a short policy) is still another key.
    expect(staleReminders([reminder], overview({ keys: [{ ...due, id: 'key-2' }] }), new Map([[due.ref, due.id]]))).toEqual([reminder.ref]);
    expect(staleReminders([reminder], overview({ keys: [{ ...due, status: 'previous' }] }), new Map())).toEqual([reminder.ref]);
    expect(staleReminders([reminder], overview({ keys: [{ ...due, status: 'revoked' }] }), new Map())).toEqual([reminder.ref]);
    expect(staleReminders([reminder], overview({ keys: [{ ...due, policy: { state: 'ok', dueOn: null, dueBy: null } }] }), new Map())).toEqual([reminder.ref]);
  });

  it('a key the overview does not list yet is not taken for a removed one; a key seen and then gone is', () => {
    expect(staleReminders([reminder], overview({ keys: [] }), new Map())).toEqual([]);
    expect(staleReminders([reminder], overview({ keys: [] }), new Map([[due.ref, due.id]]))).toEqual([reminder.ref]);
  });

  it('the banner’s reminders are dropped when the vault is read again after the rotation', () => {
    useApp.setState({ overview: overview({ keys: [due] }) });
    renderHook(() => useStaleReminders());
    act(() => useApp.getState().remind(reminder));
    expect(useApp.getState().reminders).toEqual([reminder]);
    // The rotation's verify gave the name to the new key; the old one is previous under another name.
    act(() => useApp.setState({ overview: overview({ keys: [keyRow({ id: 'key-2' }), { ...due, ref: 'xora/acme/jobs/api.previous-20260101-0000', status: 'previous' }] }) }));
    expect(useApp.getState().reminders).toEqual([]);
  });
});
