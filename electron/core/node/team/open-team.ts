// PLACEHOLDER (foundation): built by the sync part of the team inventory.
import { fail } from '../../domain/problems/problem-error.js';
import type { AuditSink } from '../../ports/audit-sink.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SecretStore } from '../../ports/secret-store.js';
import type { TeamDatabase } from '../../ports/team-database.js';
import type { MetadataStore } from '../../store/metadata-store.js';
import type { TeamService } from '../../team/team-service.js';
import type { TeamDatabaseConnection } from './pg/pg-team-database.js';

export interface TeamDeps {
  home: string;
  vaultId: string;
  secrets: SecretStore;
  keychainService: string;
  metadata: MetadataStore;
  clock: Clock;
  logger: Logger;
  audit: AuditSink;
  /** This machine's name in the team (os.hostname() when absent). */
  machine?: string;
  /** How long connecting may take (default 3 s). */
  connectTimeoutMs?: number;
  /** How to reach the database: PostgreSQL (openPgTeamDatabase) unless a test hands in another. */
  connectDatabase?: (connection: TeamDatabaseConnection) => Promise<TeamDatabase>;
}

/** The team inventory over one vault (see TeamService): what the CLI, the app and browser mode call. */
export function openTeam(deps: TeamDeps): TeamService {
  void deps;
  const notYet = (): never => fail('team.not-connected', {});
  return {
    connected: () => false,
    status: async () => ({ connected: false, team: null, member: null, machine: null, lead: false, database: null, reachable: null, problem: null, lastSyncAt: null, waiting: { keys: 0, auditEntries: 0 } }),
    connect: async () => notYet(),
    disconnect: async () => notYet(),
    sync: async () => notYet(),
    audit: () => notYet(),
    vaults: async () => notYet(),
    find: async () => notYet(),
    verifyLog: async () => ({ state: 'not-connected', teamEntries: 0, problems: [] }),
    policy: async () => notYet(),
    setPolicy: async () => notYet(),
    init: async () => notYet(),
    invite: async () => notYet(),
    close: async () => undefined,
  };
}
