import type { TeamStatus } from '../../../../../electron/contract/views.js';

/** A vault joined to team platform as ana, the database answering. */
export const joined = (over: Partial<TeamStatus> = {}): TeamStatus => ({
  connected: true,
  team: 'platform',
  member: 'ana',
  machine: 'ana-laptop',
  lead: false,
  database: '127.0.0.1:5432/keyturn',
  reachable: true,
  problem: null,
  lastSyncAt: '2026-12-01T09:00:00.000Z',
  waiting: { keys: 0, auditEntries: 0 },
  ...over,
});

export const notJoined = (): TeamStatus => ({ connected: false, team: null, member: null, machine: null, lead: false, database: null, reachable: null, problem: null, lastSyncAt: null, waiting: { keys: 0, auditEntries: 0 } });

export const unreachable = { code: 'team.unreachable' as const, database: '127.0.0.1:5432/keyturn', reason: 'connection refused' };
