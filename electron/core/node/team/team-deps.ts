import type { AuditSink } from '../../ports/audit-sink.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SecretStore } from '../../ports/secret-store.js';
import type { TeamDatabase } from '../../ports/team-database.js';
import type { MetadataStore } from '../../store/metadata-store.js';
import type { TeamDatabaseConnection } from './pg/pg-team-database.js';

/** What the team service of one vault runs on (see openTeam in open-team.ts). */
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
  /** At most this many keys and audit entries per delivery transaction (DELIVERY_CHUNK unless a test sets it). */
  deliveryChunk?: number;
}
