// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useRotation } from '../../../../../renderer/src/features/rotation/useRotation.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, keyRow, overview, provider, resetAppBetweenTests, rotationView } from '../../fake-host.js';

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

  it('reads the vault again when a step ends (the pending key stored shows in the table), not on every heartbeat', async () => {
    const created = rotationView({ running: true }, { steps: { create: { status: 'done' }, swap: { status: 'running' }, verify: { status: 'waiting' }, revoke: { status: 'waiting' } } });
    let current = waitingForPaste;
    const vaultOverview = vi.fn<KeyturnApi['vaultOverview']>(async () => overview());
    const host = fakeHost({ rotationResume: async () => waitingForPaste, rotationGet: async () => current, vaultOverview });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.view).not.toBeNull());
    await waitFor(() => expect(vaultOverview).toHaveBeenCalledTimes(1));
    act(() => host.emit('rotation.changed', { rotationId: 'rot-1' }));
    await waitFor(() => expect(vaultOverview).toHaveBeenCalledTimes(1));
    current = created;
    act(() => host.emit('rotation.changed', { rotationId: 'rot-1' }));
    await waitFor(() => expect(vaultOverview).toHaveBeenCalledTimes(2));
    unmount();
  });

  it('names the step it stopped at', async () => {
    const stopped = rotationView({ running: false }, { steps: { create: { status: 'done' }, swap: { status: 'failed', detail: 'no such file' }, verify: { status: 'waiting' }, revoke: { status: 'waiting' } } });
    fakeHost({ rotationResume: async () => stopped, rotationGet: async () => stopped });
    const { result } = wizard(true);
    await waitFor(() => expect(result.current.failedStep?.id).toBe('swap'));
  });
});

describe('useRotation backs out of a rotation', () => {
  const verifyFailed = rotationView(
    { running: false },
    { steps: { create: { status: 'done', path: 'guided' }, swap: { status: 'done' }, verify: { status: 'failed', detail: 'the new key is rejected (401)' }, revoke: { status: 'waiting' } } },
  );

  it('use a different key: asks the host to drop the pending key, then runs the rotation again so the paste question comes back', async () => {
    const rotationReplaceNewKey = vi.fn<KeyturnApi['rotationReplaceNewKey']>(async () => rotationView({ running: false }, { steps: { create: { status: 'waiting' }, swap: { status: 'waiting' }, verify: { status: 'waiting' }, revoke: { status: 'waiting' } } }));
    const rotationResume = vi.fn<KeyturnApi['rotationResume']>(async () => verifyFailed);
    let current = verifyFailed;
    fakeHost({ rotationResume, rotationGet: async () => current, rotationReplaceNewKey });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.failedStep?.id).toBe('verify'));
    current = waitingForPaste;
    rotationResume.mockImplementation(async () => waitingForPaste);
    await act(() => result.current.replaceNewKey());
    expect(rotationReplaceNewKey).toHaveBeenCalledWith({ rotationId: 'rot-1' });
    // Once on open, once after the pending key was dropped (the host left the rotation stopped).
    expect(rotationResume).toHaveBeenCalledTimes(2);
    expect(result.current.view?.question?.kind).toBe('paste');
    expect(result.current.failure).toBeNull();
    unmount();
  });

  it('use a different key does not run the rotation again when the host already asks for the paste', async () => {
    const rotationResume = vi.fn<KeyturnApi['rotationResume']>(async () => verifyFailed);
    fakeHost({ rotationResume, rotationGet: async () => verifyFailed, rotationReplaceNewKey: async () => waitingForPaste });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.view).not.toBeNull());
    await act(() => result.current.replaceNewKey());
    expect(rotationResume).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('abandon: the rotation comes back abandoned and the vault is read again', async () => {
    const abandoned = rotationView({ running: false }, { state: 'abandoned' });
    const rotationAbandon = vi.fn<KeyturnApi['rotationAbandon']>(async () => abandoned);
    const vaultOverview = vi.fn<KeyturnApi['vaultOverview']>(async () => overview());
    let current = verifyFailed;
    fakeHost({ rotationResume: async () => verifyFailed, rotationGet: async () => current, rotationAbandon, vaultOverview });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.view).not.toBeNull());
    current = abandoned;
    await act(() => result.current.abandon());
    expect(rotationAbandon).toHaveBeenCalledWith({ rotationId: 'rot-1' });
    expect(result.current.view?.rotation.state).toBe('abandoned');
    await waitFor(() => expect(vaultOverview).toHaveBeenCalled());
    unmount();
  });

  it('a refused abandon keeps the rotation and says why', async () => {
    const refused = new CallError({ code: 'rotation.not-waiting' }, 'input');
    fakeHost({ rotationResume: async () => verifyFailed, rotationGet: async () => verifyFailed, rotationAbandon: async () => Promise.reject(refused) });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.view).not.toBeNull());
    await act(() => result.current.abandon());
    expect(result.current.failure).toEqual({ field: null, text: refused.message });
    expect(result.current.view?.rotation.state).toBe('in-progress');
    unmount();
  });

  it('start finding a rotation already in progress offers it here: abandon finds it by the key’s ref', async () => {
    const inProgress = new CallError({ code: 'rotation.already-in-progress', ref: 'xora/acme/jobs/api', step: 'verify', status: 'failed' }, 'input');
    const rotationAbandon = vi.fn<KeyturnApi['rotationAbandon']>(async () => rotationView({ running: false }, { state: 'abandoned' }));
    fakeHost({
      rotationStart: async () => Promise.reject(inProgress),
      rotationInProgress: async () => [rotationView({ ref: 'xora/acme/other/api' }, { id: 'rot-other' }), rotationView({ running: false }, { id: 'rot-7' })],
      rotationAbandon,
      rotationGet: async () => rotationView({ running: false }, { id: 'rot-7', state: 'abandoned' }),
      vaultOverview: async () => overview(),
    });
    const { result, unmount } = wizard();
    act(() => result.current.setTypedName('jobs'));
    await act(() => result.current.start());
    expect(result.current.existing).toBe(true);
    await act(() => result.current.abandon());
    expect(rotationAbandon).toHaveBeenCalledWith({ rotationId: 'rot-7' });
    unmount();
  });

  it('another failed start is not taken for a rotation in progress', async () => {
    fakeHost({ rotationStart: async () => Promise.reject(new CallError({ code: 'rotation.key-not-active', ref: 'xora/acme/jobs/api', status: 'revoked' }, 'input')) });
    const { result } = wizard();
    await act(() => result.current.start());
    expect(result.current.existing).toBe(false);
  });
});

describe('useRotation: the guided new key', () => {
  it('is checked while typing by the host’s check for this rotation; its refusal is the message next to the field, as a status', async () => {
    const rotationCheckNewKey = vi.fn<KeyturnApi['rotationCheckNewKey']>(async () => ({ refusal: { code: 'key.wrong-prefix', field: 'secret', provider: 'Xora', form: 'xora_' }, warnings: [], maskedKey: 'nope…' }));
    fakeHost({ rotationResume: async () => waitingForPaste, rotationGet: async () => waitingForPaste, rotationCheckNewKey });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.view?.question?.kind).toBe('paste'));
    act(() => result.current.setPasted('nope_key'));
    await waitFor(() => expect(result.current.pasteNote).toEqual({ text: 'A Xora key starts with xora_: check that you copied a Xora key.', live: 'status', tone: 'error' }));
    expect(rotationCheckNewKey).toHaveBeenCalledWith({ rotationId: 'rot-1', secret: 'nope_key' });
    rotationCheckNewKey.mockImplementation(async () => ({ refusal: null, warnings: [], maskedKey: 'xora_ne…' }));
    act(() => result.current.setPasted('xora_new'));
    await waitFor(() => expect(result.current.pasteNote).toEqual({ text: 'Looks right: xora_ne…', live: 'status', tone: 'ok' }));
    unmount();
  });

  it('the host’s refusal of the last paste is an alert once the field is empty', async () => {
    const refusedPaste = rotationView({ running: true, question: { kind: 'paste', guide, problem: { code: 'key.wrong-prefix', field: 'secret', provider: 'Xora', form: 'xora_' } } });
    fakeHost({ rotationResume: async () => refusedPaste, rotationGet: async () => refusedPaste });
    const { result, unmount } = wizard(true);
    await waitFor(() => expect(result.current.pasteNote?.live).toBe('alert'));
    expect(result.current.pasteNote?.text).toBe('A Xora key starts with xora_: check that you copied a Xora key.');
    unmount();
  });

  it('a provider with native expiry sends the date chosen in the dashboard with the pasted key; another provider sends none', async () => {
    const rotationAnswer = vi.fn<KeyturnApi['rotationAnswer']>(async () => rotationView());
    fakeHost({ rotationResume: async () => waitingForPaste, rotationGet: async () => waitingForPaste, rotationAnswer, rotationCheckNewKey: async () => ({ refusal: null, warnings: [], maskedKey: 'sk_live…' }) });
    useApp.setState({ overview: overview({ keys: [keyRow({ ref: 'nora/acme/live/backend', provider: 'nora' })], providers: [provider({ id: 'nora', displayName: 'Nora', nativeExpiry: true })] }) });
    const { result, unmount } = renderHook(() => useRotation('nora/acme/live/backend', true));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    expect(result.current.asksExpiry).toBe(true);
    act(() => {
      result.current.setPasted('sk_live_new');
      result.current.setExpiresOn('2027-03-01');
    });
    act(() => result.current.submitPaste());
    await waitFor(() => expect(rotationAnswer).toHaveBeenCalledWith({ rotationId: 'rot-1', answer: { kind: 'paste', secret: 'sk_live_new', expiresOn: '2027-03-01' } }));
    unmount();

    const xora = wizard(true);
    await waitFor(() => expect(xora.result.current.view).not.toBeNull());
    expect(xora.result.current.asksExpiry).toBe(false);
    act(() => {
      xora.result.current.setPasted('xora_new');
      xora.result.current.setExpiresOn('2027-03-01');
    });
    act(() => xora.result.current.submitPaste());
    await waitFor(() => expect(rotationAnswer).toHaveBeenLastCalledWith({ rotationId: 'rot-1', answer: { kind: 'paste', secret: 'xora_new' } }));
    xora.unmount();
  });
});
