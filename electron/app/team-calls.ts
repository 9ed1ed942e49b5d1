// PLACEHOLDER (foundation): built by the app part of the team inventory.
import type { Handlers } from '../contract/contract.js';
import type { LeakFinding } from '../contract/views.js';
import type { LeakCandidate } from '../core/emergency/leak-candidates.js';
import { fail } from '../core/domain/problems/problem-error.js';
import type { AppCore } from './app-core.js';
import type { HostHooks } from './handlers.js';

type TeamCallName = 'team.status' | 'team.connect' | 'team.disconnect' | 'team.sync' | 'team.audit';

/** The team calls of the contract, on the app core's team service. */
export function teamCalls(core: AppCore, hooks: HostHooks): Pick<Handlers, TeamCallName> {
  void core;
  void hooks;
  const notYet = (): never => fail('team.not-connected', {});
  return {
    'team.status': async () => notYet(),
    'team.connect': async () => notYet(),
    'team.disconnect': async () => notYet(),
    'team.sync': async () => notYet(),
    'team.audit': async () => notYet(),
  };
}

/** Emergency revoke's team look-up: the pasted keys this vault does not hold, matched by fingerprint in the team inventory (null when not joined). */
export async function teamLeakMatches(core: AppCore, candidates: readonly LeakCandidate[]): Promise<LeakFinding['team']> {
  void core;
  void candidates;
  return null;
}
