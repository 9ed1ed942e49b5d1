import type { TargetDescription } from './kind-definition.js';
import type { Target, TargetKind, TargetOf } from './kinds.js';
import { describeCommand } from './kinds/command/describe.js';
import { describeDotenv } from './kinds/dotenv/describe.js';
import { describeInject } from './kinds/inject/describe.js';

/**
 * Each kind's describer, one line each, checked against the kinds (a kind added to kinds.ts without
 * one here does not compile). Apart from kinds.ts, whose schemas would bring zod along.
 */
const DESCRIBERS: { [K in TargetKind]: (target: TargetOf<K>) => TargetDescription } = { dotenv: describeDotenv, command: describeCommand, inject: describeInject };

/** The one wording of a target, for every host and for core's own audit details and journal. */
export function describeTarget(target: Target): TargetDescription {
  const describe = DESCRIBERS[target.kind] as (t: Target) => TargetDescription;
  return describe(target);
}
