// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { KeyDetail } from '../../../../../electron/contract/views.js';
import { useKeyDetail } from '../../../../../renderer/src/features/detail/useKeyDetail.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, keyRow, overview, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();

const guide = { url: 'https://dashboard.xora.test', steps: [] };
const detail: KeyDetail = { key: keyRow(), targets: [], referenceSites: [], scanSites: [], rotations: [], dashboard: { create: guide, revoke: guide } };

describe('useKeyDetail', () => {
  it('no key selected reads nothing', () => {
    fakeHost({});
    const { result } = renderHook(() => useKeyDetail(null));
    expect(result.current.detail).toBeNull();
  });

  it('reads the selected key, and again after Verify now, which is announced with the outcome', async () => {
    const keyDetail = vi.fn<KeyturnApi['keyDetail']>(async () => detail);
    const keyVerify = vi.fn<KeyturnApi['keyVerify']>(async ({ refs }) => [{ ref: String(refs), id: 'key-1', result: 'valid', httpStatus: 200, revoked: false, reason: 'the provider accepted it' }]);
    fakeHost({ keyDetail, keyVerify });
    useApp.setState({ overview: overview() });
    const { result } = renderHook(() => useKeyDetail('xora/acme/jobs/api'));
    await waitFor(() => expect(result.current.detail).toEqual(detail));
    expect(result.current.row?.policy.state).toBe('ok');
    const reads = keyDetail.mock.calls.length;
    await act(() => result.current.verify('xora/acme/jobs/api'));
    expect(keyVerify).toHaveBeenCalledWith({ refs: ['xora/acme/jobs/api'] });
    expect(useApp.getState().announcement).toBe('xora/acme/jobs/api: valid — the provider accepted it');
    await waitFor(() => expect(keyDetail.mock.calls.length).toBeGreaterThan(reads));
    expect(result.current.verifying).toBe(false);
  });
});
