// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { Settings } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useSettings } from '../../../../../renderer/src/features/settings/useSettings.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();

const settings: Settings = { defaults: { production: 90, sandbox: 180 }, providers: { xora: { production: 60 } }, instances: [{ ref: 'xora/acme/jobs', env: 'production', days: 30 }], scheduledVerifyHours: null };

describe('useSettings', () => {
  it('shows every level as typed text, and saves what is filled in (an emptied level follows the one above)', async () => {
    const settingsSet = vi.fn<KeyturnApi['settingsSet']>(async () => settings);
    fakeHost({ settingsGet: async () => settings, settingsSet });
    useApp.setState({ dialog: { kind: 'settings' } });
    const { result } = renderHook(() => useSettings());
    await waitFor(() => expect(result.current.loaded).toEqual(settings));
    expect(result.current.defaults).toEqual({ production: '90', sandbox: '180' });
    expect(result.current.providerDays('xora', 'production')).toBe('60');
    expect(result.current.providerDays('xora', 'sandbox')).toBe('');
    expect(result.current.instanceDays('xora/acme/jobs')).toBe('30');
    act(() => {
      result.current.setProviderDays('xora', 'production', '');
      result.current.setProviderDays('nexora', 'sandbox', '45');
      result.current.setInstanceDays('xora/acme/jobs', '');
      result.current.setScheduled('24');
    });
    await act(() => result.current.save());
    expect(settingsSet).toHaveBeenCalledWith({ defaults: { production: 90, sandbox: 180 }, providers: { nexora: { sandbox: 45 } }, instances: {}, scheduledVerifyHours: 24 });
    expect(useApp.getState().announcement).toBe('Policy saved');
    expect(useApp.getState().dialog).toBeNull();
  });

  it('policy that cannot be read says why, and nothing can be saved', async () => {
    const unreadable = new CallError({ code: 'unexpected', detail: 'the vault could not be read' }, 'failure');
    fakeHost({ settingsGet: async () => Promise.reject(unreadable) });
    const { result } = renderHook(() => useSettings());
    await waitFor(() => expect(result.current.failure?.text).toBe('Something went wrong: the vault could not be read'));
    expect(result.current.loaded).toBeNull();
  });
});
