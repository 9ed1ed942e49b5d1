// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CallError, HostStopped } from '../../../../renderer/src/api/client.js';
import { useApp } from '../../../../renderer/src/store/store.js';
import { MAX_TOASTS } from '../../../../renderer/src/store/ui-slice.js';
import { loadErrorOf } from '../../../../renderer/src/store/vault-slice.js';
import { loadErrorText } from '../../../../renderer/src/ui/load-error-text.js';
import { fakeHost, resetAppBetweenTests } from '../fake-host.js';

resetAppBetweenTests();

describe('toasts and the announcement', () => {
  it('an announcement is a toast, and is cleared when its toast goes: never a stale message', () => {
    useApp.getState().announce('Policy saved');
    const [toast] = useApp.getState().toasts;
    expect(toast).toMatchObject({ message: 'Policy saved', tone: 'info' });
    expect(useApp.getState().announcement).toBe('Policy saved');
    useApp.getState().dismissToast(toast?.id ?? -1);
    expect(useApp.getState().toasts).toEqual([]);
    expect(useApp.getState().announcement).toBe('');
  });

  it('the same message twice is one toast; past the most at once, the oldest gives way', () => {
    const { toast } = useApp.getState();
    toast('Copied', 'success');
    toast('Copied', 'success');
    expect(useApp.getState().toasts).toHaveLength(1);
    for (let i = 0; i < MAX_TOASTS + 2; i++) toast(`outcome ${i}`);
    expect(useApp.getState().toasts.map((t) => t.message)).toEqual(Array.from({ length: MAX_TOASTS }, (_, i) => `outcome ${i + 2}`));
  });

  it('once the host stopped, nothing more is said: the toasts go and no new one comes', () => {
    useApp.getState().toast('Verifying');
    useApp.getState().hostHasStopped();
    expect(useApp.getState().toasts).toEqual([]);
    useApp.getState().toast('Something went wrong', 'error');
    useApp.getState().announce('Found 2 keys');
    expect(useApp.getState().toasts).toEqual([]);
    expect(useApp.getState().announcement).toBe('');
  });
});

describe('a vault that could not be read', () => {
  it("keeps what went wrong as a problem or a kind, never an error's text", async () => {
    const problem = { code: 'unexpected', detail: 'disk full' } as const;
    expect(loadErrorOf(new CallError(problem, 'failure'))).toEqual({ kind: 'problem', problem });
    expect(loadErrorOf(new HostStopped())).toEqual({ kind: 'host-stopped' });
    expect(loadErrorOf(new TypeError("Cannot read properties of undefined (reading 'keys')"))).toEqual({ kind: 'window-fault' });
    fakeHost({ vaultOverview: () => Promise.reject(new TypeError('Failed to fetch')) });
    await useApp.getState().loadOverview();
    expect(useApp.getState().loadError).toEqual({ kind: 'window-fault' });
  });
});

describe('the words for a vault that could not be read', () => {
  it('are the problem as the app words it, or what to do', () => {
    expect(loadErrorText({ kind: 'problem', problem: { code: 'unexpected', detail: 'disk full' } })).toBe('Something went wrong: disk full');
    expect(loadErrorText({ kind: 'host-stopped' })).toBe("Keyturn has stopped. Start it again with the app's start command, then reload this page.");
    expect(loadErrorText({ kind: 'window-fault' })).toBe('Something went wrong in this window. Reload it and try again.');
  });
});
