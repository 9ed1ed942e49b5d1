// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Rotation } from '../../../../../electron/contract/views.js';
import { stepText } from '../../../../../renderer/src/features/rotation/step-text.js';
import { useRotation } from '../../../../../renderer/src/features/rotation/useRotation.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, overview, resetAppBetweenTests, rotationView } from '../../fake-host.js';

resetAppBetweenTests();

const waiting = { status: 'waiting' as const };
const stoppedAt = (swap: Rotation['steps']['swap']): Rotation =>
  rotationView({ running: false }, { steps: { create: { status: 'done', detail: 'the new key xora_ab… is saved in the keychain' }, swap, verify: waiting, revoke: waiting } }).rotation;

/** What the wizard's step list and its "Stopped at" line say of a step. */
describe('the wizard words the problem a step stopped on', () => {
  it("in the app's words, never the code nor the stored text", () => {
    const rotation = stoppedAt({ status: 'failed', detail: 'stopped on keychain.locked: resume to try again', problem: { code: 'keychain.locked' } });
    expect(stepText(rotation, 'swap')).toBe(
      'The OS keychain is locked; nothing was changed. Unlock it (on Linux: open "Passwords and Keys" and unlock the login keyring; on macOS: Keychain Access; on Windows: sign in again), then try again.',
    );
    expect(stepText(rotation, 'create')).toBe('the new key xora_ab… is saved in the keychain');
  });

  it('says what the step was doing when the problem alone does not', () => {
    const pasted = stoppedAt({ status: 'failed', detail: 'stopped on key.wrong-prefix', problem: { code: 'key.wrong-prefix', field: 'secret', provider: 'Xora', form: 'xora_' }, problemContext: 'pasted-key' });
    expect(stepText(pasted, 'swap')).toBe('The pasted key was refused. A Xora key starts with xora_: check that you copied a Xora key.');
    const listing = stoppedAt({
      status: 'failed',
      detail: 'stopped on provider.call-failed',
      problem: { code: 'provider.call-failed', provider: 'Nexora', call: 'list keys', status: 429, outcomeUnknown: false, reason: 'slow down' },
      problemContext: 'earlier-create',
    });
    expect(stepText(listing, 'swap')).toBe('Keyturn could not check whether an earlier attempt created api-2 at the provider. Nexora could not list the keys (it answered 429): slow down. Nothing was changed there: try again later.');
  });

  it('a step recorded before problems were stored shows its text; so does a step that runs again', () => {
    const old = stoppedAt({ status: 'failed', detail: '1 target(s) could not be written: the command exited with 4. Fix them, then resume; the old key still works' });
    expect(stepText(old, 'swap')).toBe('1 target(s) could not be written: the command exited with 4. Fix them, then resume; the old key still works');
    // An older Keyturn resuming it may leave the problem on a step that runs again: only a failed step's problem is shown.
    const running = stoppedAt({ status: 'running', detail: 'writing the new key to 1 target(s)', problem: { code: 'keychain.locked' } });
    expect(stepText(running, 'swap')).toBe('writing the new key to 1 target(s)');
  });

  it("a pasted key the host refused is shown in the app's words; one refused here says so", async () => {
    const refused = rotationView({ running: true, question: { kind: 'paste', guide: { url: 'https://dashboard.xora.test', steps: ['Create'] }, problem: { code: 'new-key.already-stored', field: 'secret', where: 'xora/acme/jobs/ci' } } });
    fakeHost({ rotationResume: async () => refused, rotationGet: async () => refused });
    useApp.setState({ overview: overview() });
    const { result, unmount } = renderHook(() => useRotation('xora/acme/jobs/api', true));
    await waitFor(() => expect(result.current.pasteProblem).toBe('This key is already stored as xora/acme/jobs/ci.'));
    act(() => result.current.setPasted('x'.repeat(5000)));
    act(() => result.current.submitPaste());
    expect(result.current.pasteProblem).toBe('That key cannot be used: this is 5,000 characters long, and no key is longer than 4,096: copy only the key.');
    unmount();
  });
});
