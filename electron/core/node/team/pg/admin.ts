// PLACEHOLDER (foundation): built by the database part of the team inventory.
import type { TeamDatabaseConnection } from './pg-team-database.js';

/** `team init`: applies the schema's migrations (newest first refused if the database is newer) and creates the team. */
export async function initTeam(input: TeamDatabaseConnection & { team: string }): Promise<{ team: string; schemaVersion: number; created: boolean }> {
  void input;
  throw new Error('not built yet');
}

/** `team invite`: the member's own role (LOGIN, a random password) in the team's member or lead group, and its URL with the password. */
export async function inviteMember(input: TeamDatabaseConnection & { team: string; member: string; lead: boolean }): Promise<{ member: string; role: string; url: string; lead: boolean }> {
  void input;
  throw new Error('not built yet');
}
