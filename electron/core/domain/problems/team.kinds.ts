import type { KindsOf } from './kinds.js';
import type { TeamProblem } from './team.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const teamKinds = {
  'team.not-connected': 'input',
  'team.already-connected': 'input',
  'team.no-admin-connection': 'input',
  'team.url-invalid': 'input',
  'team.tls-required': 'input',
  'team.invalid-name': 'input',
  'team.unreachable': 'failure',
  'team.auth-failed': 'failure',
  'team.tls-failed': 'failure',
  'team.schema-missing': 'failure',
  'team.schema-newer': 'failure',
  'team.not-admin': 'failure',
  'team.no-such-team': 'input',
  'team.not-a-member': 'input',
  'team.no-membership': 'input',
  'team.role-taken': 'input',
  'team.names-too-long': 'input',
  'team.member-exists': 'input',
  'team.lead-only': 'input',
  'team.write-refused': 'failure',
  'team.password-missing': 'failure',
  'team.password-needed': 'input',
  'team.log-diverged': 'failure',
  'team.log-shorter': 'failure',
  'team.database-failed': 'failure',
  'team.state-unreadable': 'failure',
} as const satisfies KindsOf<TeamProblem>;
