import type { Handlers } from '../contract/contract.js';
import type { LeakFinding } from '../contract/views.js';
import { fingerprintOf } from '../core/crypto/fingerprint.js';
import type { Problem } from '../core/domain/problems/catalogue.js';
import { isProblem, problem } from '../core/domain/problems/problem-error.js';
import type { LeakCandidate } from '../core/emergency/leak-candidates.js';
import { teamAuditSummary, type TeamAuditRow } from '../core/team/team-audit.js';
import type { AppCore } from './app-core.js';
import type { HostHooks } from './host-hooks.js';

type TeamCallName = 'team.status' | 'team.connect' | 'team.disconnect' | 'team.sync' | 'team.audit';

/**
 * The team calls of the contract, on the app core's team service. A call that changes the team
 * status (connect, disconnect, sync) tells the page with `team.changed`, as the background sync
 * does when a delivery or the database's state changes.
 */
export function teamCalls(core: AppCore, hooks: HostHooks): Pick<Handlers, TeamCallName> {
  const teamChanged = <T>(value: T): T => {
    hooks.emit('team.changed', {});
    return value;
  };
  const stopListening = core.teamSync.onStatus(() => hooks.emit('team.changed', {}));
  core.beforeClose(async () => stopListening());
  return {
    'team.status': async ({ probe }) => core.team.status({ probe }),
    'team.connect': async (args) => {
      const status = await core.team.connect(args);
      // Everything of the vault is queued for the first sync: the background delivers it now, not at the next change.
      core.teamSync.changed();
      return teamChanged(status);
    },
    'team.disconnect': async () => {
      await core.team.disconnect();
      return teamChanged(await core.team.status({ probe: false }));
    },
    'team.sync': async () => teamChanged(await core.team.sync()),
    'team.audit': async (filter) => {
      const rows: TeamAuditRow[] = [];
      for await (const batch of core.team.audit(filter)) rows.push(...batch);
      return { rows, summary: teamAuditSummary(rows, core.clock.now()), vaults: await core.team.vaults() };
    },
  };
}

/** A failure of the look-up that is not a team problem (a bug, a driver's own error): said without its text, which is not ours to show. */
const LOOKUP_FAILED: Problem = problem('team.database-failed', { reason: 'the look-up of the leaked key failed' });

/**
 * Emergency revoke's team look-up: the pasted keys this vault does not hold, matched by fingerprint
 * in the team inventory (null when not joined). Only the fingerprint is sent: the pasted string
 * stays in this process. A database that does not answer is a problem to show beside what the vault
 * found, never a failure of the whole look-up.
 */
export async function teamLeakMatches(core: AppCore, candidates: readonly LeakCandidate[]): Promise<LeakFinding['team']> {
  if (!core.team.connected()) return null;
  const unknown = new Map<string, LeakCandidate>();
  for (const c of candidates) if (c.match === null) unknown.set(fingerprintOf(c.secret), c);
  const matches: NonNullable<LeakFinding['team']>['matches'] = [];
  try {
    for (const [fingerprint, candidate] of unknown) {
      for (const match of await core.team.find(fingerprint)) matches.push({ ...match, masked: candidate.masked });
    }
  } catch (error) {
    return { matches: [], problem: isProblem(error) ? error.problem : LOOKUP_FAILED };
  }
  return { matches, problem: null };
}
