import type { LogProblem } from '../../audit/audit-entry.js';
import type { TeamLogCheck } from '../../team/team-service.js';
import { sha256 } from '../audit/audit-log.js';

/** At most this many edited lines are named: a replaced log differs everywhere, and the first few say it. */
const MAX_NAMED = 20;

/**
 * The local log against the team's copy of it: each line the team holds must hash as it did when it
 * was delivered, and the local log must hold at least as many lines. Entries written here since the
 * last sync are not a difference (they wait to be delivered).
 */
export function compareWithTeam(local: readonly string[], teamHashes: readonly string[]): TeamLogCheck {
  const problems: LogProblem[] = [];
  const shared = Math.min(local.length, teamHashes.length);
  let edited = 0;
  for (let i = 0; i < shared; i += 1) {
    if (sha256(local[i] ?? '') === teamHashes[i]) continue;
    edited += 1;
    if (edited <= MAX_NAMED) problems.push({ line: i + 1, problem: `entry ${i + 1} is not the one the team holds: it was edited or replaced on this machine` });
  }
  if (edited > MAX_NAMED) problems.push({ line: null, problem: `${edited - MAX_NAMED} more entries differ from the team's copy` });
  if (local.length < teamHashes.length) {
    problems.push({ line: null, problem: `the log holds ${local.length} entries, the team holds ${teamHashes.length} of it: entries were cut off on this machine` });
  }
  return { state: problems.length > 0 ? 'diverged' : 'matched', teamEntries: teamHashes.length, problems };
}
