// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { KeyView } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { NEW_INSTANCE, useAddKey } from '../../../../../renderer/src/features/add-key/useAddKey.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, keyRow, overview, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();

const looksRight = { refusal: null, warnings: [], maskedKey: 'xora_ab…' };
const stored: KeyView = { ...keyRow(), lastVerification: { at: '2026-01-02T00:00:00.000Z', result: 'valid', httpStatus: 200, revoked: false, reason: 'ok' } };
const notHttps = new CallError({ code: 'base-url.not-https', field: 'baseUrl', provider: 'Nexora' }, 'input');

function openDialog() {
  useApp.setState({ overview: overview(), dialog: { kind: 'add-key' } });
  return renderHook(() => useAddKey());
}

describe('useAddKey', () => {
  it('starts at the first instance, named by the contract ref, and asks the host to check the pasted key', async () => {
    const keyCheck = vi.fn<KeyturnApi['keyCheck']>(async () => looksRight);
    fakeHost({ keyCheck });
    const { result } = openDialog();
    expect(result.current.instanceRef).toBe('xora/acme/jobs');
    act(() => result.current.setSecret('xora_secret'));
    await waitFor(() => expect(result.current.check).toEqual(looksRight));
    expect(keyCheck).toHaveBeenCalledWith({ instanceRef: 'xora/acme/jobs', secret: 'xora_secret' });
    expect(result.current.canStore).toBe(true);
  });

  it("words the host's refusal of the pasted key in the app's words, and the key cannot be stored", async () => {
    const refused = { refusal: { code: 'key.wrong-length', field: 'secret', provider: 'Xora', prefix: 'xora_', expected: 52, actual: 11 } as const, warnings: [], maskedKey: 'xora_se…' };
    fakeHost({ keyCheck: async () => refused });
    const { result } = openDialog();
    act(() => result.current.setSecret('xora_secret'));
    await waitFor(() => expect(result.current.check).toEqual(refused));
    expect(result.current.refusalText).toBe('A Xora key is 52 characters long (xora_ and 47 more); this one has 11: copy the whole key.');
    expect(result.current.canStore).toBe(false);
  });

  it('refuses a paste longer than any key in words, without sending it to the host', async () => {
    const keyCheck = vi.fn<KeyturnApi['keyCheck']>(async () => looksRight);
    fakeHost({ keyCheck });
    const { result } = openDialog();
    act(() => result.current.setSecret('x'.repeat(5000)));
    await waitFor(() => expect(result.current.checkFailure?.text).toContain('5,000 characters long'));
    expect(result.current.checkFailure?.field).toBeNull();
    expect(result.current.canStore).toBe(false);
    expect(keyCheck).not.toHaveBeenCalled();
  });

  it('a check the host refuses about the new instance keeps the field it names, and the key cannot be stored', async () => {
    fakeHost({ keyCheck: async () => Promise.reject(notHttps) });
    const { result } = openDialog();
    act(() => {
      result.current.setInstanceRef(NEW_INSTANCE);
      result.current.editFresh({ provider: 'nexora', org: 'acme', name: 'self', baseUrl: 'http://nexora.example' });
      result.current.setSecret('nxr_secret');
    });
    await waitFor(() => expect(result.current.checkFailure).toEqual({ field: 'baseUrl', text: notHttps.message }));
    expect(result.current.checkFailure?.text).toMatch(/^The base URL must start with https:\/\//);
    expect(result.current.canStore).toBe(false);
  });

  it('a store the host refuses keeps the field and the app wording; the dialog stays open and nothing is announced', async () => {
    const keyAdd = vi.fn<KeyturnApi['keyAdd']>(async () => Promise.reject(notHttps));
    fakeHost({ keyCheck: async () => looksRight, keyAdd });
    const { result } = openDialog();
    act(() => {
      result.current.setInstanceRef(NEW_INSTANCE);
      result.current.editFresh({ provider: 'nexora', org: 'acme', name: 'self', baseUrl: 'http://nexora.example' });
      result.current.setName('ci');
      result.current.setSecret('nxr_secret');
    });
    await act(() => result.current.submit());
    expect(keyAdd).toHaveBeenCalledWith({ newInstance: { provider: 'nexora', org: 'acme', name: 'self', env: 'sandbox', baseUrl: 'http://nexora.example' }, name: 'ci', secret: 'nxr_secret', verify: true });
    expect(result.current.failure).toEqual({ field: 'baseUrl', text: notHttps.message });
    expect(result.current.busy).toBe(false);
    expect(useApp.getState().dialog).toEqual({ kind: 'add-key' });
    expect(useApp.getState().announcement).toBe('');
  });

  it('a stored key reloads the vault, is announced with what the provider said, and closes the dialog', async () => {
    const vaultOverview = vi.fn<KeyturnApi['vaultOverview']>(async () => overview());
    fakeHost({ keyCheck: async () => looksRight, keyAdd: async () => ({ key: stored, warnings: ['expires soon'] }), vaultOverview });
    const { result } = openDialog();
    act(() => {
      result.current.setName('api');
      result.current.setSecret('xora_secret');
    });
    await act(() => result.current.submit());
    expect(vaultOverview).toHaveBeenCalledOnce();
    expect(useApp.getState().announcement).toBe('Stored xora/acme/jobs/api (xora_ab…) in the keychain; verified: the provider accepted it (200); expires soon');
    expect(useApp.getState().dialog).toBeNull();
    expect(result.current.secret).toBe('');
  });
});
