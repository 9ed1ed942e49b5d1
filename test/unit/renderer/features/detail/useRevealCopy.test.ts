// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRevealCopy } from '../../../../../renderer/src/features/detail/useRevealCopy.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(() => vi.useRealTimers());
// A hook left mounted by an earlier test would answer this file's reveal requests too.
afterEach(cleanup);

describe('useRevealCopy', () => {
  it('a revealed secret is hidden after the host’s timeout, and never reaches the store', async () => {
    vi.useFakeTimers();
    fakeHost({ keyReveal: async () => ({ secret: 'xora_s3cret', hideAfterSeconds: 20 }) });
    const { result } = renderHook(() => useRevealCopy('xora/acme/jobs/api'));
    await act(() => result.current.reveal());
    expect(result.current.revealed).toBe('xora_s3cret');
    expect(JSON.stringify(useApp.getState())).not.toContain('xora_s3cret');
    act(() => vi.advanceTimersByTime(19_999));
    expect(result.current.revealed).toBe('xora_s3cret');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.revealed).toBeNull();
  });

  it('another key shown hides the revealed one', async () => {
    fakeHost({ keyReveal: async () => ({ secret: 'xora_s3cret', hideAfterSeconds: 20 }) });
    const { result, rerender } = renderHook(({ ref }) => useRevealCopy(ref), { initialProps: { ref: 'xora/acme/jobs/api' } });
    await act(() => result.current.reveal());
    rerender({ ref: 'xora/acme/jobs/other' });
    expect(result.current.revealed).toBeNull();
  });

  it('copied by the host, the page writes nothing and says when the clipboard is cleared', async () => {
    fakeHost({ keyCopy: async () => ({ by: 'host', clearsAfterSeconds: 30 }) });
    const { result } = renderHook(() => useRevealCopy('xora/acme/jobs/api'));
    await act(() => result.current.copy());
    expect(useApp.getState().announcement).toBe('Copied; the clipboard is cleared in 30 seconds');
  });
});

describe('a reveal asked from the key row’s context menu', () => {
  it('is done for the shown key, once, and the request is cleared', async () => {
    const keyReveal = vi.fn<KeyturnApi['keyReveal']>(async () => ({ secret: 'xora_s3cret', hideAfterSeconds: 20 }));
    fakeHost({ keyReveal });
    const { result } = renderHook(() => useRevealCopy('xora/acme/jobs/api'));
    act(() => useApp.getState().requestDetail({ ref: 'xora/acme/jobs/api', action: 'reveal' }));
    await waitFor(() => expect(result.current.revealed).toBe('xora_s3cret'));
    expect(keyReveal).toHaveBeenCalledOnce();
    expect(useApp.getState().detailRequest).toBeNull();
  });

  it('asked for another key, reveals nothing here and leaves the request to that key', () => {
    const keyReveal = vi.fn<KeyturnApi['keyReveal']>(async () => ({ secret: 'xora_s3cret', hideAfterSeconds: 20 }));
    fakeHost({ keyReveal });
    renderHook(() => useRevealCopy('xora/acme/jobs/api'));
    act(() => useApp.getState().requestDetail({ ref: 'xora/acme/jobs/other', action: 'reveal' }));
    expect(keyReveal).not.toHaveBeenCalled();
    expect(useApp.getState().detailRequest).toEqual({ ref: 'xora/acme/jobs/other', action: 'reveal' });
  });
});
