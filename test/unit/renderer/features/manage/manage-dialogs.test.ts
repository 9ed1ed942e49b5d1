// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useRemoveInstance } from '../../../../../renderer/src/features/manage/useRemoveInstance.js';
import { useRemoveKey } from '../../../../../renderer/src/features/manage/useRemoveKey.js';
import { useRenameKey } from '../../../../../renderer/src/features/manage/useRenameKey.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, instance, keyRow, overview, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(cleanup);

const sandboxKey = keyRow({ id: 'key-s', ref: 'xora/acme/dev/api', instance: 'dev', env: 'sandbox' });
const notConfirmed = new CallError({ code: 'rotation.production-not-confirmed', field: 'confirmName', instance: 'jobs' }, 'input');

function opened(dialog: NonNullable<ReturnType<typeof useApp.getState>['dialog']>) {
  useApp.setState({ overview: overview({ keys: [keyRow(), sandboxKey], instances: [instance(), instance({ id: 'inst-2', name: 'dev', env: 'sandbox' })] }), dialog, selectedKeyRef: 'ref' in dialog ? dialog.ref : null });
}

describe('remove key', () => {
  it('a production key is removed only with its instance name typed back, sent as the CLI asks for it', async () => {
    const keyRemove = vi.fn<KeyturnApi['keyRemove']>(async () => keyRow());
    fakeHost({ keyRemove, vaultOverview: async () => overview({ keys: [] }) });
    opened({ kind: 'remove-key', ref: 'xora/acme/jobs/api' });
    const { result } = renderHook(() => useRemoveKey('xora/acme/jobs/api'));
    expect(result.current.needsName).toBe(true);
    expect(result.current.canRemove).toBe(false);
    act(() => result.current.setTypedName('job'));
    expect(result.current.canRemove).toBe(false);
    act(() => result.current.setTypedName('jobs'));
    expect(result.current.canRemove).toBe(true);
    await act(() => result.current.submit());
    expect(keyRemove).toHaveBeenCalledWith({ ref: 'xora/acme/jobs/api', confirmInstanceName: 'jobs' });
    expect(useApp.getState().toasts.at(-1)).toMatchObject({ tone: 'success', message: 'Removed xora/acme/jobs/api from the vault; the key still works at xora until it is revoked there' });
    expect(useApp.getState().selectedKeyRef).toBeNull();
    expect(useApp.getState().dialog).toBeNull();
  });

  it('a sandbox key needs no name typed back and sends none', async () => {
    const keyRemove = vi.fn<KeyturnApi['keyRemove']>(async () => sandboxKey);
    fakeHost({ keyRemove, vaultOverview: async () => overview() });
    opened({ kind: 'remove-key', ref: 'xora/acme/dev/api' });
    const { result } = renderHook(() => useRemoveKey('xora/acme/dev/api'));
    expect(result.current.needsName).toBe(false);
    await act(() => result.current.submit());
    expect(keyRemove).toHaveBeenCalledWith({ ref: 'xora/acme/dev/api' });
  });

  it('a refusal stays in the dialog with the field it names; nothing is toasted, the selection stays', async () => {
    fakeHost({ keyRemove: async () => Promise.reject(notConfirmed) });
    opened({ kind: 'remove-key', ref: 'xora/acme/jobs/api' });
    const { result } = renderHook(() => useRemoveKey('xora/acme/jobs/api'));
    act(() => result.current.setTypedName('jobs'));
    await act(() => result.current.submit());
    expect(result.current.failure).toEqual({ field: 'confirmName', text: notConfirmed.message });
    expect(useApp.getState().dialog).toEqual({ kind: 'remove-key', ref: 'xora/acme/jobs/api' });
    expect(useApp.getState().selectedKeyRef).toBe('xora/acme/jobs/api');
    expect(useApp.getState().toasts).toEqual([]);
  });
});

describe('rename key', () => {
  it('sends the new name trimmed; the selection follows the key to its new reference', async () => {
    const keyRename = vi.fn<KeyturnApi['keyRename']>(async () => keyRow({ name: 'api-main', ref: 'xora/acme/jobs/api-main' }));
    fakeHost({ keyRename, vaultOverview: async () => overview() });
    opened({ kind: 'rename-key', ref: 'xora/acme/jobs/api' });
    const { result } = renderHook(() => useRenameKey('xora/acme/jobs/api'));
    expect(result.current.name).toBe('api');
    // The same name is no rename.
    expect(result.current.canRename).toBe(false);
    act(() => result.current.setName('  api-main '));
    expect(result.current.canRename).toBe(true);
    await act(() => result.current.submit());
    expect(keyRename).toHaveBeenCalledWith({ ref: 'xora/acme/jobs/api', name: 'api-main' });
    expect(useApp.getState().selectedKeyRef).toBe('xora/acme/jobs/api-main');
    expect(useApp.getState().toasts.at(-1)?.message).toBe('Renamed xora/acme/jobs/api to api-main');
  });

  it('a name the host refuses keeps the name field it names; the dialog stays open', async () => {
    const taken = new CallError({ code: 'key.name-taken', field: 'name', instance: 'xora/acme/jobs', name: 'other' }, 'input');
    fakeHost({ keyRename: async () => Promise.reject(taken) });
    opened({ kind: 'rename-key', ref: 'xora/acme/jobs/api' });
    const { result } = renderHook(() => useRenameKey('xora/acme/jobs/api'));
    act(() => result.current.setName('other'));
    await act(() => result.current.submit());
    expect(result.current.failure).toEqual({ field: 'name', text: taken.message });
    expect(useApp.getState().dialog).toEqual({ kind: 'rename-key', ref: 'xora/acme/jobs/api' });
    expect(useApp.getState().selectedKeyRef).toBe('xora/acme/jobs/api');
  });
});

describe('remove instance', () => {
  it('an instance that still holds keys cannot be removed here', () => {
    fakeHost({});
    opened({ kind: 'remove-instance', ref: 'xora/acme/jobs' });
    const { result } = renderHook(() => useRemoveInstance('xora/acme/jobs'));
    expect(result.current.keyCount).toBe(1);
    expect(result.current.canRemove).toBe(false);
  });

  it('an empty production instance asks for its name typed back; removed, the tree selection is cleared', async () => {
    const instanceRemove = vi.fn<KeyturnApi['instanceRemove']>(async () => instance());
    fakeHost({ instanceRemove, vaultOverview: async () => overview() });
    useApp.setState({ overview: overview({ keys: [sandboxKey] }), dialog: { kind: 'remove-instance', ref: 'xora/acme/jobs' }, selectedNode: 'xora/acme/jobs' });
    const { result } = renderHook(() => useRemoveInstance('xora/acme/jobs'));
    expect(result.current.keyCount).toBe(0);
    expect(result.current.canRemove).toBe(false);
    act(() => result.current.setTypedName('jobs'));
    await act(() => result.current.submit());
    expect(instanceRemove).toHaveBeenCalledWith({ ref: 'xora/acme/jobs', confirmInstanceName: 'jobs' });
    expect(useApp.getState().selectedNode).toBeNull();
    expect(useApp.getState().toasts.at(-1)?.message).toBe('Removed the instance xora/acme/jobs from the vault');
  });
});
