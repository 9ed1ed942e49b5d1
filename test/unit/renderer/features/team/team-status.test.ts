// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { TEAM_PROBE_MS, useTeamStatus } from '../../../../../renderer/src/features/team/useTeamStatus.js';
import { offlineBadgeLabel, offlineBadgeText, waitingText } from '../../../../../renderer/src/features/team/team-text.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { teamOffline } from '../../../../../renderer/src/store/team-slice.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';
import { joined, notJoined, unreachable } from './fixtures.js';

resetAppBetweenTests();
afterEach(cleanup);

const offline = () => teamOffline(useApp.getState().teamStatus);

describe('the title bar’s team status', () => {
  it('says nothing for a vault not joined to a team, nor for a team database that answers', async () => {
    const teamStatus = vi.fn<KeyturnApi['teamStatus']>(async () => notJoined());
    fakeHost({ teamStatus });
    renderHook(() => useTeamStatus());
    await waitFor(() => expect(useApp.getState().teamStatus).toEqual(notJoined()));
    expect(teamStatus).toHaveBeenCalledWith({ probe: true });
    expect(offline()).toBe(false);
    expect(teamOffline(joined())).toBe(false);
  });

  it('the database offline with the changes waiting; a delivery that gets through (team.changed, no probe) ends it', async () => {
    let status = joined({ reachable: false, problem: unreachable, waiting: { keys: 2, auditEntries: 1 } });
    const teamStatus = vi.fn<KeyturnApi['teamStatus']>(async () => status);
    const host = fakeHost({ teamStatus });
    renderHook(() => useTeamStatus());
    await waitFor(() => expect(offline()).toBe(true));
    const shown = useApp.getState().teamStatus;
    expect(shown && offlineBadgeText(shown)).toBe('Team offline · 3 waiting');
    expect(shown && offlineBadgeLabel(shown)).toBe('Team offline · 3 waiting: the team database at 127.0.0.1:5432/keyturn does not answer. 2 key changes and 1 audit log entry wait to be delivered. Open Settings, Team.');
    status = joined({ reachable: null, lastSyncAt: '2026-12-01T12:00:00.000Z' });
    act(() => host.emit('team.changed', {}));
    await waitFor(() => expect(offline()).toBe(false));
    expect(teamStatus).toHaveBeenLastCalledWith({ probe: false });
  });

  it('a status without a probe after one that found the database down keeps it down until a delivery gets through', () => {
    useApp.getState().setTeamStatus(joined({ reachable: false, problem: unreachable }));
    useApp.getState().setTeamStatus(joined({ reachable: null, problem: null }));
    expect(offline()).toBe(true);
    useApp.getState().setTeamStatus(joined({ reachable: null, problem: null, lastSyncAt: '2026-12-01T12:00:00.000Z' }));
    expect(offline()).toBe(false);
  });

  it('a failed background sync (its problem, no probe) is offline too', () => {
    expect(teamOffline(joined({ reachable: null, problem: unreachable }))).toBe(true);
    expect(offlineBadgeText(joined({ reachable: false }))).toBe('Team offline');
    expect(waitingText({ keys: 0, auditEntries: 0 })).toBe('Nothing waits: the team has every change of this vault.');
  });
});

describe('the title bar’s modest poll', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('probes the database now and then while joined to a team, never when not', async () => {
    let status = notJoined();
    const teamStatus = vi.fn<KeyturnApi['teamStatus']>(async () => status);
    fakeHost({ teamStatus });
    renderHook(() => useTeamStatus());
    await act(() => vi.advanceTimersByTimeAsync(TEAM_PROBE_MS * 3));
    expect(teamStatus).toHaveBeenCalledTimes(1);
    status = joined();
    useApp.setState({ teamStatus: status });
    await act(() => vi.advanceTimersByTimeAsync(TEAM_PROBE_MS));
    expect(teamStatus).toHaveBeenCalledTimes(2);
    expect(teamStatus).toHaveBeenLastCalledWith({ probe: true });
  });
});
