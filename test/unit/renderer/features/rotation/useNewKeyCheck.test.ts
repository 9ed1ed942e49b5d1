// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { CHECK_DELAY_MS, useNewKeyCheck } from '../../../../../renderer/src/features/rotation/useNewKeyCheck.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(cleanup);

describe('useNewKeyCheck', () => {
  it('refuses a paste longer than any key in words, without sending it to the host', async () => {
    const rotationCheckNewKey = vi.fn<KeyturnApi['rotationCheckNewKey']>(async () => ({ refusal: null, warnings: [], maskedKey: 'x' }));
    fakeHost({ rotationCheckNewKey });
    const { result } = renderHook(() => useNewKeyCheck('rot-1', 'x'.repeat(5000)));
    await waitFor(() => expect(result.current?.text).toContain('5,000 characters long'));
    expect(result.current?.tone).toBe('error');
    expect(rotationCheckNewKey).not.toHaveBeenCalled();
  });

  it('checks nothing while there is no paste question or nothing typed', () => {
    const rotationCheckNewKey = vi.fn<KeyturnApi['rotationCheckNewKey']>(async () => ({ refusal: null, warnings: [], maskedKey: 'x' }));
    fakeHost({ rotationCheckNewKey });
    vi.useFakeTimers();
    const none = renderHook(() => useNewKeyCheck(null, 'xora_key'));
    const empty = renderHook(() => useNewKeyCheck('rot-1', ''));
    // Well past the typing pause: a check would have been sent by now.
    act(() => vi.advanceTimersByTime(CHECK_DELAY_MS * 10));
    vi.useRealTimers();
    expect(rotationCheckNewKey).not.toHaveBeenCalled();
    expect(none.result.current).toBeNull();
    expect(empty.result.current).toBeNull();
  });

  it('a check the host refuses is said in the app’s words, not as an error text', async () => {
    const refused = new CallError({ code: 'rotation.not-found', id: 'rot-1' }, 'input');
    fakeHost({ rotationCheckNewKey: async () => Promise.reject(refused) });
    const { result } = renderHook(() => useNewKeyCheck('rot-1', 'xora_key'));
    await waitFor(() => expect(result.current).toEqual({ tone: 'error', text: 'This rotation is no longer in the vault: reload the window.' }));
  });
});
