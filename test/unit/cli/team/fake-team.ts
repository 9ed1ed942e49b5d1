import type { TeamLeakMatch, TeamService } from '../../../../electron/core/team/team-service.js';
import type { TeamStatus, TeamSyncOutcome } from '../../../../electron/core/team/team-connection.js';

export const JOINED: TeamStatus = { connected: true, team: 'acme', member: 'bob', machine: 'bob-laptop', lead: false, database: '127.0.0.1:5432/team', reachable: null, problem: null, lastSyncAt: null, waiting: { keys: 2, auditEntries: 3 } };

/** A team service that answers from memory and records what it was asked: for the CLI's parts, without a database. */
export function fakeTeam(options: { byFingerprint?: Record<string, TeamLeakMatch[]>; sync?: () => Promise<TeamSyncOutcome> } = {}): TeamService & { asked: string[] } {
  const asked: string[] = [];
  const notHere = (): never => {
    throw new Error('not in this fake');
  };
  return {
    asked,
    connected: () => true,
    status: async () => JOINED,
    connect: notHere,
    disconnect: notHere,
    sync: options.sync ?? notHere,
    audit: notHere,
    vaults: notHere,
    find: async (fingerprint) => {
      asked.push(fingerprint);
      return options.byFingerprint?.[fingerprint] ?? [];
    },
    verifyLog: notHere,
    policy: notHere,
    setPolicy: notHere,
    init: notHere,
    invite: notHere,
    close: async () => undefined,
  };
}

export function matchOf(over: Partial<TeamLeakMatch>): TeamLeakMatch {
  return { member: 'alice', machine: 'alice-laptop', vaultId: 'v-alice', mine: false, keyId: 'k1', ref: 'nora/acme/live/backend', provider: 'nora', org: 'acme', instance: 'live', env: 'production', maskedKey: 'sk_live_abc…', status: 'active', usageSites: [], syncedAt: '2026-12-01T00:00:00.000Z', ...over };
}
