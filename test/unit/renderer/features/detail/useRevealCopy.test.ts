// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRevealCopy } from '../../../../../renderer/src/features/detail/useRevealCopy.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(() => vi.useRealTimers());

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
