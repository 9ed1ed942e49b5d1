import type { TeamProblem } from '../../core/domain/problems/team.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const teamWordings: AreaWordings<TeamProblem> = {
  'team.not-connected': () => 'this vault is not joined to a team: run "keyturn team connect POSTGRES-URL --team NAME" with the URL your team administrator gave you',
  'team.already-connected': (p) => `this vault is already joined to team "${p.team}": run "keyturn team disconnect" first to join another`,
  'team.no-admin-connection': () => 'no administrator\'s connection is kept on this machine: run "keyturn team init POSTGRES-URL --team NAME" first, on the machine that invites',
  'team.url-invalid': (p) => `not a PostgreSQL URL (${p.reason}): give one like postgresql://ROLE@HOST:5432/DATABASE`,
  'team.tls-required': (p) => `${p.host} is not this machine, and the URL says sslmode=${p.given}: the database must be reached over TLS. Leave sslmode out (verify-full is used) or give sslmode=verify-full`,
  'team.invalid-name': (p) => `"${p.value}" is not a ${p.what} name: use 1-40 lowercase letters, digits, "-" and "_", starting with a letter`,
  'team.unreachable': (p) => `the team database at ${p.database} did not answer (${p.reason}): nothing was lost, the changes wait on this machine and are delivered by the next "keyturn team sync"`,
  'team.auth-failed': (p) => `the team database at ${p.database} refused the password of "${p.role}": ask your team administrator for a new invitation, then run "keyturn team connect" with it`,
  'team.tls-failed': (p) => `the TLS connection to ${p.database} failed (${p.reason}): check the server's certificate, or add sslrootcert=FILE to the URL`,
  'team.schema-missing': (p) => `the database at ${p.database} holds no Keyturn team: an administrator runs "keyturn team init" on it first`,
  'team.schema-newer': (p) => `the team database at ${p.database} has schema version ${p.found}, newer than this Keyturn knows (${p.known}): update Keyturn, then connect again. Nothing was changed`,
  'team.not-admin': (p) => `this connection may not set up a team at ${p.database} (${p.reason}): "keyturn team init" needs a role that may create schemas and roles`,
  'team.no-such-team': (p) => `the database has no team "${p.team}": check the name with your team administrator`,
  'team.not-a-member': (p) => `the role "${p.role}" is not ${p.member ? `the member "${p.member}"` : 'a member'} of team "${p.team}": use the URL your invitation gave you${p.member ? ', or leave --member out' : ''}`,
  'team.member-exists': (p) => `team "${p.team}" already has a member "${p.member}": choose another name`,
  'team.lead-only': (p) => `only a team lead may ${p.action}`,
  'team.write-refused': (p) => `the team database refused the write (${p.reason}): your role may write only your own vault's rows`,
  'team.password-missing': () => 'the keychain holds no password for the team database any more: run "keyturn team connect" again with your invitation URL',
  'team.password-needed': () => 'the URL holds no password and there is no terminal to ask for one: put the password in the URL',
  'team.log-diverged': (p) => `the audit log on this machine departs from the team's copy at entry ${p.seq}: it was edited or replaced here. Nothing more of it is delivered; run "keyturn log verify" to see where`,
  'team.log-shorter': (p) => `the audit log on this machine holds ${p.local} entries, but the team already holds ${p.team} of it: entries were cut off here. Run "keyturn log verify"`,
  'team.database-failed': (p) => `the team database failed: ${p.reason}`,
  'team.state-unreadable': (p) => `${p.file} could not be read (${p.reason}): run "keyturn team disconnect", then connect again`,
};
