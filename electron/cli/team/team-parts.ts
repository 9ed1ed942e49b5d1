// The team inventory's part of the CLI: loaded (see context.ts and command-modules.ts) only by a run
// that uses the team, since the PostgreSQL client is a large module that no other command needs.
export { openTeam } from '../../core/node/team/open-team.js';
export { deliverAfterChange } from './after-change.js';
