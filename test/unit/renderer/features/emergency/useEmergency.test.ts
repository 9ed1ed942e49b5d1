// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { KeyDetail, LeakCandidateView } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useEmergency } from '../../../../../renderer/src/features/emergency/useEmergency.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, keyRow, overview, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();

const key = keyRow();
const guide = { url: 'https://dashboard.xora.test', steps: ['API keys', 'Revoke'] };
const detail: KeyDetail = { key, targets: [], referenceSites: [], scanSites: [], rotations: [], dashboard: { create: guide, revoke: guide } };
const found: LeakCandidateView = { line: 1, masked: key.maskedKey, match: { ref: key.ref, key, targets: [], referenceSites: [], scanSites: [] }, guess: null };
const other: LeakCandidateView = { line: 2, masked: 'nxr_zz…', match: null, guess: { provider: 'Nexora', environment: null, guide } };

describe('useEmergency', () => {
  it('one key in the paste is chosen at once, with its detail; a production key is revoked with its name typed back, from the pasted text', async () => {
    const emergencyRevoke = vi.fn<KeyturnApi['emergencyRevoke']>(async () => ({ ref: key.ref, proven: true, path: 'api', detail: 'rejected (401): it is dead' }));
    fakeHost({ emergencyFind: async () => ({ candidates: [found], team: null }), keyDetail: async () => detail, emergencyRevoke, vaultOverview: async () => overview() });
    useApp.setState({ overview: overview() });
    const { result } = renderHook(() => useEmergency(undefined));
    act(() => result.current.setLeaked(`Bearer xora_leaked`));
    await act(() => result.current.find());
    expect(result.current.phase).toBe('found');
    expect(result.current.match?.ref).toBe(key.ref);
    expect(result.current.detail).toEqual(detail);
    expect(result.current.canRevoke).toBe(false);
    act(() => result.current.setTypedName('jobs'));
    expect(result.current.canRevoke).toBe(true);
    await act(() => result.current.revoke(false));
    expect(emergencyRevoke).toHaveBeenCalledWith({ ref: key.ref, leaked: 'Bearer xora_leaked', confirmInstanceName: 'jobs', waitSeconds: 300, resume: false });
    expect(result.current.phase).toBe('done');
    expect(result.current.result?.proven).toBe(true);
    // Proven dead: the pasted text is not kept.
    expect(result.current.leaked).toBe('');
  });

  it('several keys in the paste wait for a choice; one the vault lacks has no match', async () => {
    fakeHost({ emergencyFind: async () => ({ candidates: [found, other], team: null }), keyDetail: async () => detail });
    const { result } = renderHook(() => useEmergency(undefined));
    await act(() => result.current.find());
    expect(result.current.candidates).toHaveLength(2);
    expect(result.current.match).toBeNull();
    await act(() => result.current.choose(result.current.candidates ?? [], 1));
    expect(result.current.chosenCandidate?.guess?.provider).toBe('Nexora');
    expect(result.current.match).toBeNull();
    expect(result.current.detail).toBeNull();
  });

  it('opened for one key, it starts there with no paste; a failed revoke goes back to the key with the message', async () => {
    const unreachable = new CallError({ code: 'unexpected', detail: 'the provider did not answer' }, 'failure');
    fakeHost({ keyDetail: async () => detail, emergencyRevoke: async () => Promise.reject(unreachable) });
    const { result } = renderHook(() => useEmergency(key.ref));
    await waitFor(() => expect(result.current.phase).toBe('found'));
    expect(result.current.match?.ref).toBe(key.ref);
    act(() => result.current.setTypedName('jobs'));
    await act(() => result.current.revoke(false));
    expect(result.current.phase).toBe('found');
    expect(result.current.failure).toEqual({ field: null, text: unreachable.message });
  });
});
