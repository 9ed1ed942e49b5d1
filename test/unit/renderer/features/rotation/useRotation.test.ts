// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useRotation } from '../../../../../renderer/src/features/rotation/useRotation.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, overview, resetAppBetweenTests, rotationView } from '../../fake-host.js';

resetAppBetweenTests();

const guide = { url: 'https://dashboard.xora.test', steps: ['API keys', 'Create'] };
const waitingForPaste = rotationView({ running: true, question: { kind: 'paste', guide, problem: null } });

function wizard(resume = false) {
  useApp.setState({ overview: overview() });
  return renderHook(() => useRotation('xora/acme/jobs/api', resume));
}

describe('useRotation', () => {
  it('a production key starts only with its instance name typed back, and sends the name it was given', async () => {
    const rotationStart = vi.fn<KeyturnApi['rotationStart']>(async () => waitingForPaste);
    fakeHost({ rotationStart, rotationGet: async () => waitingForPaste });
    const { result } = wizard();
    expect(result.current.production).toBe(true);
    expect(result.current.canStart).toBe(false);
    act(() => result.current.setTypedName('jobs'));
    expect(result.current.canStart).toBe(true);
    await act(() => result.current.start());
    expect(rotationStart).toHaveBeenCalledWith({ ref: 'xora/acme/jobs/api', inPlace: false, confirmInstanceName: 'jobs' });
    expect(result.current.view?.question?.kind).toBe('paste');
  });

  it('a refused start is kept in the app wording, with no field when its problem names none', async () => {
    const refused = new CallError({ code: 'rotation.key-not-active', ref: 'xora/acme/jobs/api', status: 'revoked' }, 'input');
    fakeHost({ rotationStart: async () => Promise.reject(refused) });
    const { result } = wizard();
    await act(() => result.current.start());
    expect(result.current.failure).toEqual({ field: null, text: refused.message });
    expect(result.current.view).toBeNull();
  });

  it('follows the host: a rotation.changed event for its rotation reads it again, another rotation’s does not', async () => {
    const done = rotationView({ running: false }, { state: 'completed' });
    const rotationGet = vi.fn<KeyturnApi['rotationGet']>(async () => waitingForPaste);
    const vaultOverview = vi.fn<KeyturnApi['vaultOverview']>(async () => overview());
    const host = fakeHost({ rotationResume: async () => waitingForPaste, rotationGet, vaultOverview });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.view?.rotation.id).toBe('rot-1'));
    await waitFor(() => expect(rotationGet).toHaveBeenCalled());
    const before = rotationGet.mock.calls.length;
    act(() => host.emit('rotation.changed', { rotationId: 'another' }));
    expect(rotationGet.mock.calls.length).toBe(before);
    rotationGet.mockImplementation(async () => done);
    act(() => host.emit('rotation.changed', { rotationId: 'rot-1' }));
    await waitFor(() => expect(result.current.view?.rotation.state).toBe('completed'));
    // A completed rotation changed the keys: the vault is read again.
    await waitFor(() => expect(vaultOverview).toHaveBeenCalled());
    unmount();
  });

  it('refuses a paste longer than any key before sending it; a key that fits is sent as the answer and the field is cleared', async () => {
    const rotationAnswer = vi.fn<KeyturnApi['rotationAnswer']>(async () => rotationView());
    fakeHost({ rotationResume: async () => waitingForPaste, rotationGet: async () => waitingForPaste, rotationAnswer });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.view).not.toBeNull());
    act(() => result.current.setPasted('x'.repeat(5000)));
    act(() => result.current.submitPaste());
    expect(result.current.pasteProblem).toContain('5,000 characters long');
    expect(rotationAnswer).not.toHaveBeenCalled();
    act(() => result.current.setPasted('xora_new'));
    expect(result.current.pasteProblem).toBeNull();
    act(() => result.current.submitPaste());
    await waitFor(() => expect(rotationAnswer).toHaveBeenCalledWith({ rotationId: 'rot-1', answer: { kind: 'paste', secret: 'xora_new' } }));
    await waitFor(() => expect(result.current.pasted).toBe(''));
    unmount();
  });

  it('names the step it stopped at', async () => {
    const stopped = rotationView({ running: false }, { steps: { create: { status: 'done' }, swap: { status: 'failed', detail: 'no such file' }, verify: { status: 'waiting' }, revoke: { status: 'waiting' } } });
    fakeHost({ rotationResume: async () => stopped, rotationGet: async () => stopped });
    const { result } = wizard(true);
    await waitFor(() => expect(result.current.failedStep?.id).toBe('swap'));
  });
});
