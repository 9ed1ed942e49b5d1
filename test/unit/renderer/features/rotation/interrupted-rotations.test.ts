// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { interruptedLines, useInterruptedRotations } from '../../../../../renderer/src/features/rotation/useInterruptedRotations.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, overview, resetAppBetweenTests, rotationView } from '../../fake-host.js';

resetAppBetweenTests();
afterEach(cleanup);

const stopped = (id: string) => rotationView({ running: false }, { id });

describe('the interrupted-rotations banner never piles up', () => {
  it('one line per rotation, however often the host lists it; none for one this window runs or one that is over', () => {
    const lines = interruptedLines([stopped('a'), stopped('a'), rotationView({ running: true }, { id: 'b' }), rotationView({ running: false }, { id: 'c', state: 'abandoned' }), stopped('d')]);
    expect(lines.map((r) => r.rotation.id)).toEqual(['a', 'd']);
  });

  it('each read of the vault replaces the lines instead of adding to them', async () => {
    fakeHost({ rotationInProgress: async () => [stopped('a')] });
    useApp.setState({ overview: overview() });
    const { result, unmount } = renderHook(() => useInterruptedRotations());
    await waitFor(() => expect(result.current).toHaveLength(1));
    act(() => useApp.setState({ overview: overview() }));
    act(() => useApp.setState({ overview: overview() }));
    await waitFor(() => expect(result.current.map((r) => r.rotation.id)).toEqual(['a']));
    unmount();
  });

  it('a dismissed rotation is kept once for the session', () => {
    useApp.getState().dismissRotation('a');
    useApp.getState().dismissRotation('a');
    useApp.getState().dismissRotation('b');
    expect(useApp.getState().dismissedRotations).toEqual(['a', 'b']);
  });
});
