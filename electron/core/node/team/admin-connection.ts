import { fail } from '../../domain/problems/problem-error.js';
import { TEAM_ADMIN_PASSWORD_ACCOUNT } from '../../team/team-connection.js';
import { initTeam, inviteMember } from './pg/admin.js';
import { parseTeamUrl } from './pg/connection-url.js';
import type { TeamDeps } from './team-deps.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './team-context.js';
import { readAdmin, writeAdmin } from './team-files.js';

/** `team init`: applies the schema and creates the team, then keeps the administrator's connection (password in the keychain) for invite. */
export async function initTeamHere(deps: TeamDeps, input: { url: string; team: string; password?: string }): Promise<{ team: string; schemaVersion: number; created: boolean }> {
  const url = parseTeamUrl(input.url);
  const password = url.password ?? input.password;
  if (!password) return fail('team.password-needed', {});
  const result = await initTeam({ url: url.withoutPassword, password, connectTimeoutMs: deps.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, team: input.team });
  await deps.secrets.set(deps.keychainService, TEAM_ADMIN_PASSWORD_ACCOUNT, password);
  writeAdmin(deps.home, { url: url.withoutPassword, team: result.team, initializedAt: deps.clock.now().toISOString() });
  deps.audit.append({ action: 'team.init', outcome: 'ok', detail: `team ${result.team} ${result.created ? 'created' : 'already there'} at ${url.display}, schema ${result.schemaVersion}` });
  return result;
}

/** `team invite`: a member's own role, on the connection init kept. The URL it returns carries the password: it is shown once, never recorded. */
export async function inviteHere(deps: TeamDeps, input: { member: string; lead: boolean }): Promise<{ member: string; role: string; url: string; lead: boolean }> {
  const admin = readAdmin(deps.home);
  if (!admin) return fail('team.no-admin-connection', {});
  const password = await deps.secrets.get(deps.keychainService, TEAM_ADMIN_PASSWORD_ACCOUNT);
  if (password === null) return fail('team.no-admin-connection', {});
  const invited = await inviteMember({ url: admin.url, password, connectTimeoutMs: deps.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, team: admin.team, member: input.member, lead: input.lead });
  deps.audit.append({ action: 'team.invite', outcome: 'ok', detail: `invited ${invited.member}${invited.lead ? ' (lead)' : ''} to team ${admin.team} as role ${invited.role}` });
  return invited;
}
