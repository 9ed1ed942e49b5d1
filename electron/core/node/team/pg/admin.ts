import { randomBytes } from 'node:crypto';
import { ProblemError, fail } from '../../../domain/problems/problem-error.js';
import { typedBack } from '../../../domain/problems/typed-back.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './client-config.js';
import { urlWithPassword } from './connection-url.js';
import { SCHEMA_VERSION, applyMigrations, readSchemaVersion } from './migrations.js';
import type { TeamDatabaseConnection } from './pg-team-database.js';
import { scramVerifier } from './scram-verifier.js';
import { connectTeamClient, type TeamClient } from './team-client.js';
import { groupRoles, memberRole, teamGrants } from './team-roles.js';

/** `team init`: applies the schema's migrations (newest first refused if the database is newer) and creates the team. */
export async function initTeam(input: TeamDatabaseConnection & { team: string }): Promise<{ team: string; schemaVersion: number; created: boolean }> {
  checkName('team', input.team);
  return asAdmin(input, async (client) => {
    const outcome = await client.run((c) => applyMigrations(c));
    if (outcome.state === 'newer') fail('team.schema-newer', { database: client.url.display, found: outcome.version, known: SCHEMA_VERSION });
    const created = await client.transaction(async (c) => {
      const inserted = await c.query('INSERT INTO keyturn.teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [input.team]);
      const groups = groupRoles(input.team);
      for (const role of [groups.members, groups.leads]) {
        // Roles are server-wide: the team's groups may exist already (this team in another database).
        const held = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
        if (held.rowCount === 0) await c.query(`CREATE ROLE ${c.escapeIdentifier(role)} NOLOGIN`);
      }
      // Each time, so a team made before a migration added a table gets its grants too (GRANT is idempotent).
      for (const statement of teamGrants(input.team, (name) => c.escapeIdentifier(name))) await c.query(statement);
      return inserted.rowCount === 1;
    });
    return { team: input.team, schemaVersion: outcome.version, created };
  });
}

/** `team invite`: the member's own role (LOGIN, a random password) in the team's member or lead group, and its URL with the password. */
export async function inviteMember(input: TeamDatabaseConnection & { team: string; member: string; lead: boolean }): Promise<{ member: string; role: string; url: string; lead: boolean }> {
  checkName('team', input.team);
  checkName('member', input.member);
  const role = memberRole(input.team, input.member);
  return asAdmin(input, async (client) => {
    const version = await client.run((c) => readSchemaVersion(c));
    if (version === null) fail('team.schema-missing', { database: client.url.display });
    if (version > SCHEMA_VERSION) fail('team.schema-newer', { database: client.url.display, found: version, known: SCHEMA_VERSION });
    const password = randomBytes(24).toString('base64url');
    await client.transaction(async (c) => {
      const team = await c.query('SELECT 1 FROM keyturn.teams WHERE name = $1', [input.team]);
      if (team.rowCount === 0) fail('team.no-such-team', { team: input.team });
      const member = await c.query('SELECT 1 FROM keyturn.members WHERE team = $1 AND member = $2', [input.team, input.member]);
      if (member.rowCount !== 0) fail('team.member-exists', { member: input.member, team: input.team });
      const taken = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (taken.rowCount !== 0) fail('team.role-taken', { role });
      const groups = groupRoles(input.team);
      // The verifier, not the password: the password never reaches the server's logs.
      await c.query(`CREATE ROLE ${c.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${c.escapeLiteral(scramVerifier(password))}`);
      await c.query(`GRANT ${c.escapeIdentifier(input.lead ? groups.leads : groups.members)} TO ${c.escapeIdentifier(role)}`);
      await c.query('INSERT INTO keyturn.members (role_name, team, member, lead) VALUES ($1, $2, $3, $4)', [role, input.team, input.member, input.lead]);
    });
    return { member: input.member, role, url: urlWithPassword({ ...client.url, role }, password), lead: input.lead };
  });
}

const NAME = /^[a-z][a-z0-9_-]{0,39}$/;

function checkName(what: 'team' | 'member', value: string): void {
  if (!NAME.test(value)) fail('team.invalid-name', { what, value: typedBack(value) });
}

/** Runs `work` on an administrator's connection: a refusal for want of privileges is team.not-admin. */
async function asAdmin<T>(input: TeamDatabaseConnection, work: (client: TeamClient) => Promise<T>): Promise<T> {
  const client = await connectTeamClient(input.url, input.password, input.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  try {
    return await work(client);
  } catch (error) {
    const problem = error instanceof ProblemError ? error : client.problemOf(error);
    if (problem.problem.code === 'team.write-refused') fail('team.not-admin', { database: client.url.display, reason: problem.problem.reason }, { cause: error });
    throw problem;
  } finally {
    await client.close();
  }
}
