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

const finding = (inVault: string | null): ScanResult['findings'][number] => ({ file: '/p/.env', path: '.env', line: 1, column: 14, variable: 'XORA_API_KEY', maskedKey: 'xora_ab…', fingerprint: 'f', providerId: 'xora', environment: null, org: null, match: null, commit: null, inVault });
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
    expect(useApp.getState().announcement).toBe('Found 2 key(s) in .env files');
    await act(() => scan.current.scan(true));
    expect(scanFolder).toHaveBeenLastCalledWith({ dir: '/p', import: true });
    expect(useApp.getState().announcement).toBe('Imported 1 key(s); 0 not imported');
  });

  it('a scan that found references counts them in what it announces', async () => {
    const references = [{ file: '/p/.env', line: 2, variable: 'XORA_API_KEY', reference: 'keyturn://xora/acme/main/api', keyRef: 'xora/acme/main/api' }];
    fakeHost({ scanFolder: async () => result({ references }) });
    const { result: scan } = renderHook(() => useScan());
    await act(() => scan.current.scan(false));
    expect(useApp.getState().announcement).toBe('Found 2 key(s) and 1 reference(s) in .env files');
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
});
