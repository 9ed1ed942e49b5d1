// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useTeamSettings } from '../../../../../renderer/src/features/team/useTeamSettings.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';
import { joined, notJoined } from './fixtures.js';

resetAppBetweenTests();
afterEach(cleanup);

const URL = 'postgresql://kt_platform_ana@127.0.0.1:5432/keyturn';
const authFailed = new CallError({ code: 'team.auth-failed', database: '127.0.0.1:5432/keyturn', role: 'kt_platform_ana' }, 'input');

async function openedNotJoined(calls: Partial<KeyturnApi>) {
  const teamStatus = vi.fn<KeyturnApi['teamStatus']>(async () => notJoined());
  fakeHost({ teamStatus, ...calls });
  const hook = renderHook(() => useTeamSettings());
  await waitFor(() => expect(hook.result.current.status?.connected).toBe(false));
  expect(teamStatus).toHaveBeenCalledWith({ probe: true });
  act(() => {
    hook.result.current.setUrl(` ${URL} `);
    hook.result.current.setTeam('platform');
    hook.result.current.setPassword('s3cret-pass');
  });
  return hook;
}

describe('Settings → Team', () => {
  it('a wrong password is said next to the Password field, the vault stays as it was, and the password is never in the message', async () => {
    const teamConnect = vi.fn<KeyturnApi['teamConnect']>(async () => Promise.reject(authFailed));
    const { result } = await openedNotJoined({ teamConnect });
    await act(() => result.current.connect());
    expect(teamConnect).toHaveBeenCalledWith({ url: URL, team: 'platform', password: 's3cret-pass' });
    expect(result.current.at('password')).toContain('refused the password of "kt_platform_ana"');
    expect(result.current.at('url')).toBeNull();
    expect(result.current.general).toBeNull();
    expect(result.current.failure?.text).not.toContain('s3cret-pass');
    expect(result.current.status?.connected).toBe(false);
    expect(useApp.getState().teamStatus?.connected).toBe(false);
  });

  it('joined: the status is the host’s, the password and the URL are forgotten, an optional member left out when empty', async () => {
    const teamConnect = vi.fn<KeyturnApi['teamConnect']>(async () => joined());
    const { result } = await openedNotJoined({ teamConnect });
    act(() => result.current.setMember('  '));
    await act(() => result.current.connect());
    expect(teamConnect).toHaveBeenCalledWith({ url: URL, team: 'platform', password: 's3cret-pass' });
    expect(result.current.password).toBe('');
    expect(result.current.url).toBe('');
    expect(useApp.getState().teamStatus).toEqual(joined());
    expect(useApp.getState().announcement).toBe('Joined team platform as ana');
  });

  it('a password in the URL is enough: no empty password is sent', async () => {
    const teamConnect = vi.fn<KeyturnApi['teamConnect']>(async () => joined());
    const { result } = await openedNotJoined({ teamConnect });
    act(() => {
      result.current.setUrl('postgresql://kt_platform_ana:pw@127.0.0.1:5432/keyturn');
      result.current.setPassword('');
      result.current.setMember('ana');
    });
    await act(() => result.current.connect());
    expect(teamConnect).toHaveBeenCalledWith({ url: 'postgresql://kt_platform_ana:pw@127.0.0.1:5432/keyturn', team: 'platform', member: 'ana' });
  });

  it('Sync now says what it delivered and asks the status again; Disconnect waits for its confirmation', async () => {
    const teamDisconnect = vi.fn<KeyturnApi['teamDisconnect']>(async () => notJoined());
    let status = joined({ waiting: { keys: 2, auditEntries: 1 } });
    fakeHost({
      teamStatus: async () => status,
      teamSync: async () => {
        status = joined({ lastSyncAt: '2026-12-01T10:00:00.000Z' });
        return { delivered: { keys: 2, auditEntries: 1 }, waiting: { keys: 0, auditEntries: 0 }, problem: null, at: '2026-12-01T10:00:00.000Z' };
      },
      teamDisconnect,
    });
    const { result } = renderHook(() => useTeamSettings());
    await waitFor(() => expect(result.current.status?.waiting.keys).toBe(2));
    await act(() => result.current.syncNow());
    expect(result.current.synced?.delivered).toEqual({ keys: 2, auditEntries: 1 });
    expect(useApp.getState().teamStatus?.waiting).toEqual({ keys: 0, auditEntries: 0 });
    act(() => result.current.askDisconnect());
    expect(result.current.confirmingDisconnect).toBe(true);
    act(() => result.current.cancelDisconnect());
    expect(teamDisconnect).not.toHaveBeenCalled();
    act(() => result.current.askDisconnect());
    await act(() => result.current.disconnect());
    expect(teamDisconnect).toHaveBeenCalledTimes(1);
    expect(useApp.getState().teamStatus?.connected).toBe(false);
    expect(result.current.confirmingDisconnect).toBe(false);
  });

  it('a team that does not exist is said next to the Team name field', async () => {
    const { result } = await openedNotJoined({ teamConnect: async () => Promise.reject(new CallError({ code: 'team.no-such-team', team: 'platfrom' }, 'input')) });
    await act(() => result.current.connect());
    expect(result.current.at('team')).toBe('The database has no team "platfrom". Check the name with your team administrator.');
  });
});
