// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import { runKeyAction } from '../../../../../renderer/src/features/keys/key-actions.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, keyRow, overview, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();
const ref = 'xora/acme/jobs/api';

describe('runKeyAction', () => {
  it('Verify checks the one key, toasts the outcome and reads the vault again (the row then shows rejected)', async () => {
    const keyVerify = vi.fn<KeyturnApi['keyVerify']>(async () => [{ ref, id: 'key-1', result: 'rejected', httpStatus: 401, revoked: true, reason: 'the provider refused it' }]);
    const vaultOverview = vi.fn<KeyturnApi['vaultOverview']>(async () => overview({ keys: [keyRow({ rejected: true })], rejected: 1 }));
    fakeHost({ keyVerify, vaultOverview });
    await runKeyAction('verify', ref);
    expect(keyVerify).toHaveBeenCalledWith({ refs: [ref] });
    expect(useApp.getState().toasts.at(-1)).toMatchObject({ message: `${ref}: rejected — the provider refused it`, tone: 'error' });
    expect(vaultOverview).toHaveBeenCalled();
    expect(useApp.getState().overview?.keys[0]?.rejected).toBe(true);
  });

  it('a failed Verify is a toast in words, not a thrown error', async () => {
    fakeHost({ vaultOverview: async () => overview() });
    await runKeyAction('verify', ref);
    expect(useApp.getState().toasts.at(-1)?.tone).toBe('error');
  });

  it('the dialog actions open their dialog for the key', async () => {
    fakeHost({});
    for (const [action, dialog] of [
      ['rotate', { kind: 'rotate', ref }],
      ['revoke', { kind: 'emergency', ref }],
      ['remove', { kind: 'remove-key', ref }],
      ['rename', { kind: 'rename-key', ref }],
    ] as const) {
      await runKeyAction(action, ref);
      expect(useApp.getState().dialog).toEqual(dialog);
    }
  });

  it('Reveal opens the key and asks its detail to reveal it: the secret never passes through the store', async () => {
    fakeHost({});
    await runKeyAction('reveal', ref);
    expect(useApp.getState().selectedKeyRef).toBe(ref);
    expect(useApp.getState().detailRequest).toEqual({ ref, action: 'reveal' });
  });

  it('Copy reference writes the reference (never a secret) to the clipboard and says so', async () => {
    fakeHost({});
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await runKeyAction('copy', ref);
    expect(writeText).toHaveBeenCalledWith(ref);
    expect(useApp.getState().toasts.at(-1)).toMatchObject({ message: `Copied the reference ${ref}`, tone: 'success' });
  });
});
