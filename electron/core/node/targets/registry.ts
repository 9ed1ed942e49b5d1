import type { SwapKeys, SwapOutcome, SwapWrite, TargetKey, TargetKindModule } from '../../targets/kind-module.js';
import type { NewTarget, Target, TargetKind } from '../../targets/kinds.js';
import { commandKind } from './kinds/command/module.js';
import { dotenvKind } from './kinds/dotenv/module.js';
import { injectKind } from './kinds/inject/module.js';

/**
 * How each kind of swap target is made, checked and written: one line per kind of kinds.ts (the
 * compiler refuses this map while a kind is missing from it).
 */
export const TARGET_KINDS: { readonly [K in TargetKind]: TargetKindModule<K> } = {
  dotenv: dotenvKind,
  command: commandKind,
  inject: injectKind,
};

// TypeScript cannot relate a target's kind to its module's parameter by itself: each call below
// hands the target to the module of its own kind, which the map's type guarantees.
interface AnyKindModule {
  make(input: NewTarget, id: string, cwd: string, key?: TargetKey): Promise<Target>;
  sameAs(a: Target, b: Target): boolean;
  check(target: Target, keys: SwapKeys): Promise<string | null>;
  write(target: Target, swap: SwapWrite): Promise<SwapOutcome>;
}
function moduleOf(kind: TargetKind): AnyKindModule {
  return TARGET_KINDS[kind] as unknown as AnyKindModule;
}

/** Checks what a person gave for `key`, as its kind does, and gives it an id; throws the problem (nothing is added). */
export function makeTargetOfKind(input: NewTarget, id: string, cwd: string, key?: TargetKey): Promise<Target> {
  return moduleOf(input.kind).make(input, id, cwd, key);
}

/** Whether `b` writes the place `a` writes (then it is not added twice). */
export function sameTarget(a: Target, b: Target): boolean {
  return a.kind === b.kind && moduleOf(a.kind).sameAs(a, b);
}

/** Why a target cannot take the new key now, in the journal's words; null when it can. */
export function checkTarget(target: Target, keys: SwapKeys): Promise<string | null> {
  return moduleOf(target.kind).check(target, keys);
}

/** Writes the new key to a target; never throws. */
export function writeTarget(target: Target, swap: SwapWrite): Promise<SwapOutcome> {
  return moduleOf(target.kind).write(target, swap);
}
