import { fail } from '../../../domain/problems/problem-error.js';

/** PostgreSQL's longest identifier (NAMEDATALEN - 1): a longer role name would be cut short, silently. */
export const MAX_ROLE_NAME = 63;

/**
 * A team's group roles. The "." cannot appear in a team or member name, so no member's role
 * (`kt_TEAM_MEMBER`) can ever be named like a group.
 */
export function groupRoles(team: string): { members: string; leads: string } {
  return { members: `kt_${team}.members`, leads: `kt_${team}.leads` };
}

/** A member's own LOGIN role. */
export function memberRole(team: string, member: string): string {
  const role = `kt_${team}_${member}`;
  if (role.length > MAX_ROLE_NAME) fail('team.names-too-long', { team, member, max: MAX_ROLE_NAME - 4 });
  return role;
}

/**
 * What a team's groups may do, and nothing more: read the team's tables, write vaults and keys, only
 * insert audit entries (no UPDATE, DELETE or TRUNCATE for anyone but the owner); a lead may also
 * change the team's policy. Which rows is row-level security's part (schema-v1.ts).
 */
export function teamGrants(team: string, quote: (name: string) => string): string[] {
  const groups = groupRoles(team);
  const m = quote(groups.members);
  const l = quote(groups.leads);
  return [
    `GRANT USAGE ON SCHEMA keyturn TO ${m}`,
    `GRANT SELECT ON keyturn.schema_migrations, keyturn.teams, keyturn.members, keyturn.audit_heads TO ${m}`,
    // role_name is not insertable: it takes its default, current_user.
    `GRANT SELECT, INSERT (vault_id, team, member, machine, last_sync_at), UPDATE (machine, last_sync_at, left_at) ON keyturn.vaults TO ${m}`,
    `GRANT SELECT, INSERT, UPDATE ON keyturn.keys TO ${m}`,
    // hash is the trigger's to set.
    `GRANT SELECT, INSERT (vault_id, seq, team, line) ON keyturn.audit_entries TO ${m}`,
    `GRANT EXECUTE ON FUNCTION keyturn.current_member(), keyturn.member_of(text) TO ${m}`,
    `GRANT ${m} TO ${l}`,
    `GRANT UPDATE (policy) ON keyturn.teams TO ${l}`,
  ];
}
