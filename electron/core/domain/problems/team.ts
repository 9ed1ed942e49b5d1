import * as z from 'zod';
import { countParam, inputParam, nameParam, outsideTextParam } from './params.js';

/**
 * Why the team inventory could not be joined, reached, read or written. `database` is where the
 * database is, for people (`HOST:PORT/DATABASE`, never a role's password).
 */
export const teamProblems = [
  /** A team command on a vault that is not joined to a team. */
  z.object({ code: z.literal('team.not-connected') }),
  /** `team connect` on a vault already joined (to `team`): disconnect first. */
  z.object({ code: z.literal('team.already-connected'), team: nameParam }),
  /** `team invite` before `team init` on this machine (no administrator's connection kept). */
  z.object({ code: z.literal('team.no-admin-connection') }),
  /** Not a PostgreSQL URL (`reason`: what is wrong with it). */
  z.object({ code: z.literal('team.url-invalid'), reason: outsideTextParam }),
  /** A host other than loopback without TLS (`sslmode` is `given`): the connection would be readable on the way. */
  z.object({ code: z.literal('team.tls-required'), host: outsideTextParam, given: outsideTextParam }),
  /** A team or member name that is not 1–40 of a-z, 0-9, `-` and `_`, starting with a letter. */
  z.object({ code: z.literal('team.invalid-name'), what: z.enum(['team', 'member']), value: inputParam }),
  /** The database did not answer (down, unreachable, timed out). */
  z.object({ code: z.literal('team.unreachable'), database: outsideTextParam, reason: outsideTextParam }),
  /** The database refused the role's password (or the role does not exist). */
  z.object({ code: z.literal('team.auth-failed'), database: outsideTextParam, role: outsideTextParam }),
  /** The TLS handshake failed, or the server's certificate was not trusted (`reason`). */
  z.object({ code: z.literal('team.tls-failed'), database: outsideTextParam, reason: outsideTextParam }),
  /** The database holds no Keyturn schema: an administrator runs `team init` first. */
  z.object({ code: z.literal('team.schema-missing'), database: outsideTextParam }),
  /** The database's schema is newer than this Keyturn knows: update Keyturn. */
  z.object({ code: z.literal('team.schema-newer'), database: outsideTextParam, found: countParam, known: countParam }),
  /** `team init` with a connection that may not create schemas or roles (`reason`: what the database said). */
  z.object({ code: z.literal('team.not-admin'), database: outsideTextParam, reason: outsideTextParam }),
  /** The database has no team of this name. */
  z.object({ code: z.literal('team.no-such-team'), team: nameParam }),
  /** The connection's role is not a member of the team (or not the member named). */
  z.object({ code: z.literal('team.not-a-member'), role: outsideTextParam, team: nameParam, member: nameParam.optional() }),
  /** The connection's role is no member of any team in this database (not invited, or an administrator's role). */
  z.object({ code: z.literal('team.no-membership'), role: outsideTextParam, database: outsideTextParam }),
  /** `team invite`: the member's role name (`kt_TEAM_MEMBER`) is taken on the server by a role that is not this member (roles are server-wide). */
  z.object({ code: z.literal('team.role-taken'), role: nameParam }),
  /** `team invite`: the team's and the member's names together make a role name longer than PostgreSQL allows (`max` characters). */
  z.object({ code: z.literal('team.names-too-long'), team: nameParam, member: nameParam, max: countParam }),
  /** `team invite` of a member the team already has. */
  z.object({ code: z.literal('team.member-exists'), member: nameParam, team: nameParam }),
  /** Only a lead may do this (set the team's policy). */
  z.object({ code: z.literal('team.lead-only'), action: nameParam }),
  /** The database refused a write this role may not make (`reason`: what it said). */
  z.object({ code: z.literal('team.write-refused'), reason: outsideTextParam }),
  /** The keychain holds no password for the team connection (removed since `team connect`). */
  z.object({ code: z.literal('team.password-missing') }),
  /** `team connect` with no password in the URL, and none could be asked (no terminal). */
  z.object({ code: z.literal('team.password-needed') }),
  /** The local audit log departs from the team's copy at entry `seq`: it was edited or replaced here; nothing more is delivered until it is looked into. */
  z.object({ code: z.literal('team.log-diverged'), seq: countParam }),
  /** The local audit log holds fewer entries than the team already has of it: entries were cut off here. */
  z.object({ code: z.literal('team.log-shorter'), local: countParam, team: countParam }),
  /** Any other database failure (`reason`: its first line). */
  z.object({ code: z.literal('team.database-failed'), reason: outsideTextParam }),
  /** A team file in the vault home could not be read (`file`), so the team state is unknown. */
  z.object({ code: z.literal('team.state-unreadable'), file: outsideTextParam, reason: outsideTextParam }),
] as const;

export type TeamProblem = z.infer<(typeof teamProblems)[number]>;
