// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { KeyDetail } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useRotationInProgress } from '../../../../../renderer/src/features/detail/useRotationInProgress.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, keyRow, overview, resetAppBetweenTests, rotationView } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(cleanup);

const stopped = rotationView({ running: false }, { steps: { create: { status: 'done', path: 'guided' }, swap: { status: 'done' }, verify: { status: 'failed' }, revoke: { status: 'waiting' } } });
const detailWith = (rotations: KeyDetail['rotations']): KeyDetail => ({
  key: keyRow(),
  targets: [],
  referenceSites: [], scanSites: [],
  rotations,
  dashboard: { create: { url: 'https://x.test', steps: [] }, revoke: { url: 'https://x.test', steps: [] } },
});

describe('useRotationInProgress', () => {
  it('a stopped rotation of the key can be resumed (the wizard opens on it) or abandoned', async () => {
    fakeHost({ rotationInProgress: async () => [rotationView({ ref: 'xora/acme/other/api' }, { id: 'rot-other', oldKeyId: 'key-9', newKeyId: 'key-10' }), stopped] });
    const { result } = renderHook(() => useRotationInProgress(detailWith([stopped.rotation])));
    await waitFor(() => expect(result.current.stopped).toBe(true));
    act(() => result.current.resume());
    expect(useApp.getState().dialog).toEqual({ kind: 'rotate', ref: 'xora/acme/jobs/api', resumeRotationId: 'rot-1' });
  });

  it('abandoned: a toast says the old key is still current, the vault is read again, and the section goes', async () => {
    let listed = [stopped];
    const rotationAbandon = vi.fn<KeyturnApi['rotationAbandon']>(async () => {
      listed = [];
      return rotationView({ running: false }, { state: 'abandoned' });
    });
    const vaultOverview = vi.fn<KeyturnApi['vaultOverview']>(async () => overview());
    fakeHost({ rotationInProgress: async () => listed, rotationAbandon, vaultOverview });
    const { result } = renderHook(() => useRotationInProgress(detailWith([stopped.rotation])));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    await act(() => result.current.abandon());
    expect(rotationAbandon).toHaveBeenCalledWith({ rotationId: 'rot-1' });
    expect(vaultOverview).toHaveBeenCalledOnce();
    expect(useApp.getState().toasts.at(-1)).toMatchObject({ tone: 'success', message: 'Rotation of xora/acme/jobs/api abandoned: the old key is still the current one; the pending key was removed' });
    expect(result.current.view).toBeNull();
  });

  it('a refused abandon is said in the section; the rotation stays', async () => {
    const refused = new CallError({ code: 'rotation.not-found', id: 'rot-1' }, 'input');
    fakeHost({ rotationInProgress: async () => [stopped], rotationAbandon: async () => Promise.reject(refused) });
    const { result } = renderHook(() => useRotationInProgress(detailWith([stopped.rotation])));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    await act(() => result.current.abandon());
    expect(result.current.failure?.text).toBe(refused.message);
    expect(result.current.view?.rotation.id).toBe('rot-1');
    expect(useApp.getState().toasts).toEqual([]);
  });

  it('a rotation another process runs can be neither resumed nor abandoned here', async () => {
    const held = rotationView({ running: false, heldBy: 'process 12 (the keyturn CLI)' });
    fakeHost({ rotationInProgress: async () => [held] });
    const { result } = renderHook(() => useRotationInProgress(detailWith([held.rotation])));
    await waitFor(() => expect(result.current.view?.heldBy).toBe('process 12 (the keyturn CLI)'));
    expect(result.current.stopped).toBe(false);
  });

  it('a rotation started after the detail was read is found, and one of another key is not taken for it', async () => {
    let listed = [rotationView({ running: false }, { id: 'rot-other', oldKeyId: 'key-9', newKeyId: 'key-10' })];
    const host = fakeHost({ rotationInProgress: async () => listed });
    const { result } = renderHook(() => useRotationInProgress(detailWith([])));
    await waitFor(() => expect(result.current.view).toBeNull());
    listed = [...listed, stopped];
    act(() => host.emit('rotation.changed', { rotationId: 'rot-1' }));
    await waitFor(() => expect(result.current.view?.rotation.id).toBe('rot-1'));
  });

  it('the pending key’s detail shows the rotation it belongs to', async () => {
    fakeHost({ rotationInProgress: async () => [stopped] });
    const detail = { ...detailWith([]), key: keyRow({ id: 'key-2', status: 'pending', pendingFor: 'key-1' }) };
    const { result } = renderHook(() => useRotationInProgress(detail));
    await waitFor(() => expect(result.current.view?.rotation.id).toBe('rot-1'));
  });
});
