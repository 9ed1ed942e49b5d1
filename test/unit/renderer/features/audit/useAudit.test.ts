// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { AuditRow, AuditSummary } from '../../../../../electron/contract/views.js';
import { useAudit } from '../../../../../renderer/src/features/audit/useAudit.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';

resetAppBetweenTests();

const summary: AuditSummary = { keys: 2, rejected: 0, pending: 0, overdue: 0, expired: 0, dueIn7Days: 0, unverified30Days: 2 };
const row = (ref: string, ageDays: number): AuditRow => ({
  ref,
  id: ref,
  provider: 'xora',
  org: 'acme',
  instance: 'jobs',
  env: 'production',
  maskedKey: 'xora_ab…',
  status: 'active',
  rejected: false,
  pendingFor: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ageDays,
  expiresOn: null,
  maxAgeDays: 90,
  policyState: 'ok',
  dueOn: null,
  dueBy: null,
  lastVerifiedAt: null,
  lastVerification: null,
  lastRotationAt: null,
  lastRotation: null,
  targets: 0,
});

describe('useAudit', () => {
  it('reads the report for the filter chosen, and sorts by the column pressed, pressed again the other way', async () => {
    const auditReport = vi.fn<KeyturnApi['auditReport']>(async () => ({ rows: [row('b', 1), row('a', 9)], summary }));
    fakeHost({ auditReport });
    const { result } = renderHook(() => useAudit());
    await waitFor(() => expect(result.current.summary).toEqual(summary));
    expect(auditReport).toHaveBeenLastCalledWith({});
    act(() => result.current.setEnv('production'));
    await waitFor(() => expect(auditReport).toHaveBeenLastCalledWith({ env: 'production' }));
    act(() => result.current.sortBy('ageDays'));
    expect(result.current.rows.map((r) => r.ref)).toEqual(['b', 'a']);
    act(() => result.current.sortBy('ageDays'));
    expect(result.current.rows.map((r) => r.ref)).toEqual(['a', 'b']);
  });

  it('the audit log check is announced: intact, or tampered with and how many problems', async () => {
    fakeHost({ auditReport: async () => ({ rows: [], summary }), logVerify: async () => ({ ok: false, entries: 3, expectedAtLeast: 3, problems: [{ line: 2, problem: 'the hash does not follow' }], notes: [] }) });
    const { result } = renderHook(() => useAudit());
    await act(() => result.current.checkLog());
    expect(result.current.log?.ok).toBe(false);
    expect(useApp.getState().announcement).toBe('The audit log has been tampered with: 1 problem(s)');
  });
});
