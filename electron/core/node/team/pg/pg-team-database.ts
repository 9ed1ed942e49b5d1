// PLACEHOLDER (foundation): built by the database part of the team inventory.
import type { TeamDatabase } from '../../../ports/team-database.js';

export interface TeamDatabaseConnection {
  /** The URL, with or without its password (team.json's has none). */
  url: string;
  password: string;
  /** How long connecting may take before team.unreachable (the desktop never waits long on the database). */
  connectTimeoutMs?: number;
}

/** The team database port on PostgreSQL (the `pg` client): connects, checks the schema version, and answers as the connection's role. */
export async function openPgTeamDatabase(connection: TeamDatabaseConnection): Promise<TeamDatabase> {
  void connection;
  throw new Error('not built yet');
}
