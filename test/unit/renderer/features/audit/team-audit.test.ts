// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { AuditSummary, TeamAuditRow } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { scopeOf } from '../../../../../renderer/src/features/audit/audit-scope.js';
import { NOT_CONNECTED_TEXT } from '../../../../../renderer/src/features/team/team-text.js';
import { sortTeamRows } from '../../../../../renderer/src/features/audit/team-sort.js';
import { useTeamAudit } from '../../../../../renderer/src/features/audit/useTeamAudit.js';
import { useApp } from '../../../../../renderer/src/store/store.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';
import { joined, notJoined } from '../team/fixtures.js';

resetAppBetweenTests();
afterEach(cleanup);

const summary: AuditSummary = { keys: 2, rejected: 0, pending: 0, overdue: 1, expired: 0, dueIn7Days: 0, unverified30Days: 2 };
const row = (member: string, ref: string, over: Partial<TeamAuditRow> = {}): TeamAuditRow => ({
  vaultId: `vault-${member}`,
  member,
  machine: `${member}-laptop`,
  syncedAt: '2026-11-30T10:00:00.000Z',
  keyId: `${member}-${ref}`,
  fingerprint: 'f'.repeat(64),
  usageSites: [],
  ref,
  provider: 'xora',
  org: 'acme',
  instance: 'main',
  env: 'production',
  maskedKey: 'nte_ab…',
  status: 'active',
  rejected: false,
  pendingFor: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  ageDays: 29,
  expiresOn: null,
  maxAgeDays: 90,
  policyState: 'ok',
  dueOn: null,
  dueBy: null,
  lastVerifiedAt: null,
  lastVerification: null,
  lastRotationAt: null,
  lastRotation: null,
  ...over,
});
const vaults = [
  { vaultId: 'vault-ana', member: 'ana', machine: 'ana-laptop', joinedAt: '2026-11-01T00:00:00.000Z', lastSyncAt: null },
  { vaultId: 'vault-bob', member: 'bob', machine: 'bob-laptop', joinedAt: '2026-11-01T00:00:00.000Z', lastSyncAt: null },
];

describe('the Audit view’s My vault / Team switch', () => {
  it('one side is always chosen: Team when its button is, else My vault (an emptied choice stays on this vault)', () => {
    expect(scopeOf(new Set(['team']))).toBe('team');
    expect(scopeOf(new Set(['mine']))).toBe('mine');
    expect(scopeOf(new Set())).toBe('mine');
  });

  it('Team on a vault not joined to a team asks the team nothing, and says how to join: Settings → Team, never a command-line flag', async () => {
    const teamAudit = vi.fn<KeyturnApi['teamAudit']>(async () => ({ rows: [], summary, vaults: [] }));
    fakeHost({ teamAudit });
    useApp.setState({ teamStatus: notJoined() });
    const { result } = renderHook(() => useTeamAudit());
    expect(result.current.connected).toBe(false);
    await act(async () => undefined);
    expect(teamAudit).not.toHaveBeenCalled();
    expect(NOT_CONNECTED_TEXT).toContain('Settings → Team');
    expect(NOT_CONNECTED_TEXT).not.toMatch(/--[a-z]/);
  });
});

describe('useTeamAudit', () => {
  it('asks the team for the filter chosen (member, environment, state), and lists every member with a vault', async () => {
    const teamAudit = vi.fn<KeyturnApi['teamAudit']>(async () => ({ rows: [row('bob', 'xora/acme/main/b'), row('ana', 'xora/acme/main/a', { policyState: 'overdue' })], summary, vaults }));
    fakeHost({ teamAudit });
    useApp.setState({ teamStatus: joined() });
    const { result } = renderHook(() => useTeamAudit());
    await waitFor(() => expect(result.current.summary).toEqual(summary));
    expect(teamAudit).toHaveBeenLastCalledWith({});
    // Most urgent first.
    expect(result.current.rows.map((r) => r.member)).toEqual(['ana', 'bob']);
    expect(result.current.members).toEqual(['ana', 'bob']);
    act(() => result.current.setMember('bob'));
    await waitFor(() => expect(teamAudit).toHaveBeenLastCalledWith({ member: 'bob' }));
    act(() => {
      result.current.setEnv('production');
      result.current.setState('overdue');
    });
    await waitFor(() => expect(teamAudit).toHaveBeenLastCalledWith({ member: 'bob', env: 'production', state: 'overdue' }));
  });

  it('reads again after a delivery of this vault (a newer last sync), not otherwise', async () => {
    const teamAudit = vi.fn<KeyturnApi['teamAudit']>(async () => ({ rows: [], summary, vaults }));
    fakeHost({ teamAudit });
    useApp.setState({ teamStatus: joined() });
    renderHook(() => useTeamAudit());
    await waitFor(() => expect(teamAudit).toHaveBeenCalledTimes(1));
    act(() => useApp.setState({ teamStatus: joined({ waiting: { keys: 1, auditEntries: 0 } }) }));
    expect(teamAudit).toHaveBeenCalledTimes(1);
    act(() => useApp.setState({ teamStatus: joined({ lastSyncAt: '2026-12-01T11:00:00.000Z' }) }));
    await waitFor(() => expect(teamAudit).toHaveBeenCalledTimes(2));
  });

  it('the team database not answering is said, in the team’s words', async () => {
    fakeHost({ teamAudit: async () => Promise.reject(new CallError({ code: 'team.unreachable', database: '127.0.0.1:5432/keyturn', reason: 'connection refused' }, 'failure')) });
    useApp.setState({ teamStatus: joined() });
    const { result } = renderHook(() => useTeamAudit());
    await waitFor(() => expect(result.current.failure?.text).toContain('does not answer (connection refused)'));
  });

  it('sorts by member, then by key within a member', () => {
    const rows = [row('bob', 'b'), row('ana', 'z'), row('ana', 'a')];
    expect(sortTeamRows(rows, { key: 'member', descending: false }).map((r) => `${r.member}/${r.ref}`)).toEqual(['ana/a', 'ana/z', 'bob/b']);
  });
});
