// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { useCopyReference } from '../../../../../renderer/src/features/detail/useCopyReference.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The page's clipboard, as a spy: what was written, or a refusal. */
function clipboard(write: (text: string) => Promise<void>) {
  const writeText = vi.fn(write);
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
  return writeText;
}

describe('useCopyReference', () => {
  it('copies the keyturn:// reference, not the secret, without asking the host, and sets no clearing timer', async () => {
    vi.useFakeTimers();
    const keyCopy = vi.fn<KeyturnApi['keyCopy']>(async () => ({ by: 'renderer', secret: 'xora_s3cret', clearsAfterSeconds: 30 }));
    const keyReveal = vi.fn<KeyturnApi['keyReveal']>(async () => ({ secret: 'xora_s3cret', hideAfterSeconds: 20 }));
    fakeHost({ keyCopy, keyReveal });
    const writeText = clipboard(async () => undefined);
    const { result } = renderHook(() => useCopyReference('xora/acme/jobs/api'));
    expect(result.current.reference).toBe('keyturn://xora/acme/jobs/api');
    await act(() => result.current.copy());
    expect(writeText).toHaveBeenCalledExactlyOnceWith('keyturn://xora/acme/jobs/api');
    expect(keyCopy).not.toHaveBeenCalled();
    expect(keyReveal).not.toHaveBeenCalled();
    // The toast's own timer is the only one: nothing will write the clipboard again.
    const [toast] = useApp.getState().toasts;
    expect(toast).toMatchObject({ message: 'Reference copied', tone: 'success' });
    await act(() => vi.runAllTimersAsync());
    expect(writeText).toHaveBeenCalledOnce();
  });

  it('a clipboard that refuses is said as an error pointing at the text to select, not as copied', async () => {
    fakeHost({});
    clipboard(async () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    const { result } = renderHook(() => useCopyReference('xora/acme/jobs/api'));
    await act(() => result.current.copy());
    const [toast] = useApp.getState().toasts;
    expect(toast?.tone).toBe('error');
    expect(toast?.message).toContain('select it');
    expect(useApp.getState().toasts.some((t) => t.message === 'Reference copied')).toBe(false);
  });

  it('follows the key shown: another key, another reference', () => {
    fakeHost({});
    const { result, rerender } = renderHook(({ ref }) => useCopyReference(ref), { initialProps: { ref: 'xora/acme/jobs/api' } });
    rerender({ ref: 'nora/acme/live/backend' });
    expect(result.current.reference).toBe('keyturn://nora/acme/live/backend');
  });
});
