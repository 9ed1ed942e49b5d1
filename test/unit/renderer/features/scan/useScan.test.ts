// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { ScanResult } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useScan } from '../../../../../renderer/src/features/scan/useScan.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';
import { typedBack } from '../../../../../electron/core/domain/problems/params.js';

resetAppBetweenTests();

const finding = (inVault: string | null, over: Partial<ScanResult['findings'][number]> = {}): ScanResult['findings'][number] => ({
  file: '/p/.env',
  path: '.env',
  line: 1,
  column: 14,
  variable: 'XORA_API_KEY',
  maskedKey: 'xora_ab…',
  fingerprint: inVault ? 'f-vault' : 'f-new',
  providerId: 'xora',
  environment: null,
  org: null,
  match: null,
  commit: null,
  inVault,
  ...over,
});
const result = (over: Partial<ScanResult> = {}): ScanResult => ({ root: '/p', gitRepository: false, history: null, findings: [finding(null), finding('xora/acme/main/api')], imported: [], skipped: [], skippedFiles: [], references: [], ...over });

describe('useScan', () => {
  it('a scan counts the keys the vault lacks and announces what it found; importing sends import: true', async () => {
    const scanFolder = vi.fn<KeyturnApi['scanFolder']>(async ({ import: importing }) => (importing ? result({ imported: [{ ref: 'xora/acme/main/x', targets: 1, refusedTargets: [] }] }) : result()));
    fakeHost({ scanFolder });
    const { result: scan } = renderHook(() => useScan());
    act(() => scan.current.setDir('/p'));
    await act(() => scan.current.scan(false));
    expect(scanFolder).toHaveBeenLastCalledWith({ dir: '/p', import: false });
    expect(scan.current.newOnes).toBe(1);
    expect(useApp.getState().announcement).toBe('Found 2 key(s)');
    await act(() => scan.current.scan(true));
    expect(scanFolder).toHaveBeenLastCalledWith({ dir: '/p', import: true });
    expect(useApp.getState().announcement).toBe('Imported 1 key(s); 0 not imported');
  });

  it('a scan that found references counts them in what it announces', async () => {
    const references = [{ file: '/p/.env', line: 2, variable: 'XORA_API_KEY', reference: 'keyturn://xora/acme/main/api', keyRef: 'xora/acme/main/api' }];
    fakeHost({ scanFolder: async () => result({ references }) });
    const { result: scan } = renderHook(() => useScan());
    await act(() => scan.current.scan(false));
    expect(useApp.getState().announcement).toBe('Found 2 key(s) and 1 reference(s)');
    expect(scan.current.result?.references).toEqual(references);
  });

  it('a refused scan keeps the app wording and the result of the last one', async () => {
    const refused = new CallError({ code: 'scan.folder-not-full-path', value: typedBack('project') }, 'input');
    fakeHost({ scanFolder: async () => Promise.reject(refused) });
    const { result: scan } = renderHook(() => useScan());
    await act(() => scan.current.scan(false));
    expect(scan.current.failure).toEqual({ field: null, text: refused.message });
    expect(refused.message).toContain('"project" is not a full path');
    expect(scan.current.busy).toBe(false);
    expect(scan.current.result).toBeNull();
  });
  it('Scan history too scans again with history: true, and an import then keeps the history on screen', async () => {
    const inHistory = finding(null, { fingerprint: 'f-old', commit: { sha: 'a'.repeat(40), authorDate: '2026-01-02T03:04:05Z', atHead: false } });
    const scanFolder = vi.fn<KeyturnApi['scanFolder']>(async ({ history }) => (history ? result({ gitRepository: true, history: { commits: 3 }, findings: [finding(null), inHistory] }) : result({ gitRepository: true })));
    fakeHost({ scanFolder });
    const { result: scan } = renderHook(() => useScan());
    act(() => scan.current.setDir('/p'));
    await act(() => scan.current.scan(false, false));
    expect(scanFolder).toHaveBeenLastCalledWith({ dir: '/p', import: false });
    await act(() => scan.current.scan(false, true));
    expect(scanFolder).toHaveBeenLastCalledWith({ dir: '/p', import: false, history: true });
    expect(useApp.getState().announcement).toBe('Found 2 key(s) in the files and 3 commit(s)');
    // The history's keys are added one by one: Import counts the files' own.
    expect(scan.current.newOnes).toBe(1);
    await act(() => scan.current.scan(true));
    expect(scanFolder).toHaveBeenLastCalledWith({ dir: '/p', import: true, history: true });
  });

  it('a key added from a finding makes every place of it show as that vault key', async () => {
    fakeHost({ scanFolder: async () => result({ findings: [finding(null), finding(null, { path: 'src/a.ts', variable: null, line: 3 })] }) });
    const { result: scan } = renderHook(() => useScan());
    await act(() => scan.current.scan(false));
    expect(scan.current.newOnes).toBe(1);
    const key = { id: 'k1', ref: 'xora/acme/main/local', env: 'production', status: 'active', maskedKey: 'xora_ab…' } as Parameters<typeof scan.current.added>[1];
    act(() => scan.current.added('f-new', key));
    expect(scan.current.result?.findings.map((f) => f.inVault)).toEqual(['xora/acme/main/local', 'xora/acme/main/local']);
    expect(scan.current.result?.findings[0]?.match).toEqual({ keyId: 'k1', ref: 'xora/acme/main/local', environment: 'production', status: 'active', maskedKey: 'xora_ab…' });
    expect(scan.current.newOnes).toBe(0);
  });
});
