// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { ScanFindingView } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { groupFindings } from '../../../../../renderer/src/features/scan/scan-groups.js';
import { useAddFinding } from '../../../../../renderer/src/features/scan/useAddFinding.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, instance, keyRow, overview, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();

const place = (over: Partial<ScanFindingView> = {}): ScanFindingView => ({
  file: '/p/src/worker.ts',
  path: 'src/worker.ts',
  line: 2,
  column: 20,
  variable: null,
  maskedKey: 'nte_ab12…',
  fingerprint: 'a'.repeat(64),
  providerId: 'xora',
  environment: 'production',
  org: null,
  match: null,
  commit: null,
  inVault: null,
  ...over,
});

const groupOf = (...places: ScanFindingView[]) => {
  const [group] = groupFindings(places);
  if (!group) throw new Error('no group');
  return group;
};

describe('useAddFinding', () => {
  it("offers only the instances of the key's provider and environment, chooses the one that fits, and names the key from its variable", () => {
    useApp.setState({
      overview: overview({
        instances: [instance({ id: 'i1', name: 'main' }), instance({ id: 'i2', name: 'dev', env: 'sandbox' }), instance({ id: 'i3', provider: 'nexora', name: 'self' })],
      }),
    });
    const { result } = renderHook(() => useAddFinding(groupOf(place({ file: '/p/.env', path: '.env', variable: 'XORA_API_KEY' })), () => undefined));
    expect(result.current.fits.map((i) => i.name)).toEqual(['main']);
    expect(result.current.instanceRef).toBe('xora/acme/main');
    expect(result.current.name).toBe('xora-api-key');
  });

  it('sends where the key was found (never the key), preferring the .env file of the tree, and hands the added key back', async () => {
    useApp.setState({ overview: overview({ instances: [instance({ id: 'i1', name: 'main' }), instance({ id: 'i2', name: 'other' })] }) });
    const added = { key: keyRow({ ref: 'xora/acme/other/local' }), warnings: [], targets: 1, refusedTargets: [] };
    const scanAddFinding = vi.fn<KeyturnApi['scanAddFinding']>(async () => added);
    fakeHost({ scanAddFinding });
    const onAdded = vi.fn();
    const inHistory = place({ commit: { sha: 'b'.repeat(40), authorDate: '2026-01-01T00:00:00Z', atHead: false } });
    const group = groupOf(inHistory, place(), place({ file: '/p/.env', path: '.env', line: 4, column: 14, variable: 'XORA_API_KEY' }));
    const { result } = renderHook(() => useAddFinding(group, onAdded));
    // Two instances fit: the person says which.
    expect(result.current.instanceRef).toBe('');
    await act(() => result.current.add());
    expect(result.current.failure).toEqual({ field: 'instance', text: 'Choose the instance this key belongs to.' });
    expect(scanAddFinding).not.toHaveBeenCalled();
    act(() => result.current.setInstanceRef('xora/acme/other'));
    act(() => result.current.setName('local'));
    await act(() => result.current.add());
    expect(scanAddFinding).toHaveBeenCalledWith({ file: '/p/.env', line: 4, column: 14, fingerprint: 'a'.repeat(64), instanceRef: 'xora/acme/other', name: 'local' });
    expect(onAdded).toHaveBeenCalledWith('a'.repeat(64), added.key);
    expect(result.current.done).toEqual(added);
    expect(useApp.getState().announcement).toBe('Added xora/acme/other/local');
  });

  it('a key only in the history is read from its commit', async () => {
    useApp.setState({ overview: overview({ instances: [instance({ id: 'i1', name: 'main' })] }) });
    const scanAddFinding = vi.fn<KeyturnApi['scanAddFinding']>(async () => ({ key: keyRow(), warnings: [], targets: 0, refusedTargets: [] }));
    fakeHost({ scanAddFinding });
    const { result } = renderHook(() => useAddFinding(groupOf(place({ commit: { sha: 'c'.repeat(40), authorDate: '2026-01-01T00:00:00Z', atHead: false } })), () => undefined));
    await act(() => result.current.add());
    expect(scanAddFinding).toHaveBeenCalledWith(expect.objectContaining({ commit: 'c'.repeat(40), file: '/p/src/worker.ts' }));
  });

  it('a refusal keeps the field it names, for the form to show it next to that field; nothing is handed back', async () => {
    useApp.setState({ overview: overview({ instances: [instance({ id: 'i1', name: 'main' })] }) });
    const taken = new CallError({ code: 'key.name-taken', field: 'name', instance: 'xora/acme/main', name: 'api' }, 'input');
    fakeHost({ scanAddFinding: async () => Promise.reject(taken) });
    const onAdded = vi.fn();
    const { result } = renderHook(() => useAddFinding(groupOf(place()), onAdded));
    await act(() => result.current.add());
    expect(result.current.failure).toEqual({ field: 'name', text: taken.message });
    expect(result.current.busy).toBe(false);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('no instance fits: opening the form says which instance to add first', () => {
    useApp.setState({ overview: overview({ instances: [instance({ id: 'i2', name: 'dev', env: 'sandbox' })] }) });
    const { result } = renderHook(() => useAddFinding(groupOf(place()), () => undefined));
    act(() => result.current.start());
    expect(result.current.open).toBe(true);
    expect(result.current.failure?.text).toContain('There is no xora production instance to put it in');
  });
});

describe('groupFindings', () => {
  it('one group per key, the vault keys first, the files before the commits', () => {
    const vault = place({ fingerprint: 'v'.repeat(64), inVault: 'xora/acme/main/api', path: 'z.ts' });
    const history = place({ fingerprint: 'u'.repeat(64), path: 'a.ts', commit: { sha: 'd'.repeat(40), authorDate: '2026-01-01T00:00:00Z', atHead: false } });
    const tree = place({ fingerprint: 'u'.repeat(64), path: 'b.ts' });
    const groups = groupFindings([history, tree, vault]);
    expect(groups.map((g) => g.inVault)).toEqual(['xora/acme/main/api', null]);
    expect(groups[1]?.places.map((p) => p.path)).toEqual(['b.ts', 'a.ts']);
  });
});
