// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_MS } from '../../../../renderer/src/ui/toast-times.js';
import { useToastTimer } from '../../../../renderer/src/ui/useToastTimer.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a toast goes away by itself', () => {
  it('after its time', () => {
    const done = vi.fn();
    renderHook(() => useToastTimer(TOAST_MS.success, false, done));
    act(() => vi.advanceTimersByTime(TOAST_MS.success - 100));
    expect(done).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(200));
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('not while paused (the pointer over it, the focus in it), then after the time it had left', () => {
    const done = vi.fn();
    const { rerender } = renderHook(({ paused }) => useToastTimer(6000, paused, done), { initialProps: { paused: false } });
    act(() => vi.advanceTimersByTime(4000));
    rerender({ paused: true });
    act(() => vi.advanceTimersByTime(60_000));
    expect(done).not.toHaveBeenCalled();
    rerender({ paused: false });
    act(() => vi.advanceTimersByTime(1900));
    expect(done).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(200));
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('an error stays longer than an outcome, for it to be read', () => {
    expect(TOAST_MS.error).toBeGreaterThan(TOAST_MS.success);
  });
});
