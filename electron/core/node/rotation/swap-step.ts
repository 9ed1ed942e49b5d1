import { rm } from 'node:fs/promises';
import type { Rotation, Target } from '../../domain/model.js';
import type { SwapKeys } from '../../targets/kind-module.js';
import { describeTarget } from '../../targets/describe.js';
import { checkTarget, writeTarget } from '../targets/registry.js';
import { verifyKey } from '../../verify/verify-key.js';
import type { StepContext } from '../../rotation/context.js';
import { failStep } from '../../rotation/fail-step.js';
import { swapReferenceResolver } from './swap-references.js';

/**
 * swap: the new key goes to every swap target of the old key, one at a time, each outcome
 * journaled. A target already holding the new key is done; one holding a key that is neither the
 * old nor the new is not overwritten.
 */
export async function runSwap(ctx: StepContext): Promise<boolean> {
  const { rotation, oldKey } = ctx.state();
  const targets = oldKey.targets.length > 0 ? oldKey.targets : (ctx.state().newKey?.targets ?? []);
  // On resume the targets are those of now: one removed and added again (after fixing a refused
  // file) is written; a removed one no longer counts, but its backup is still removed at the end.
  const current = new Set(targets.map((t) => t.id));
  const initial = [
    ...targets.map((t) => rotation.targets.find((e) => e.targetId === t.id) ?? { targetId: t.id, status: 'pending' as const }),
    ...rotation.targets.filter((e) => !current.has(e.targetId) && e.backup),
  ];
  await ctx.journal.mutate((r) => ({ rotation: { ...r, targets: initial } }));
  await ctx.journal.begin('swap', targets.length === 0 ? 'no swap targets' : `writing the new key to ${targets.length} target(s)`);
  ctx.interaction.progress({ step: 'swap', status: 'running', detail: `writing the new key to ${targets.length} target(s)` });

  const oldSecret = await ctx.secretOf(oldKey.id);
  const newSecret = await ctx.secretOf(rotation.newKeyId);
  if (newSecret === null) return failStep(ctx, 'swap', 'the new key is missing from the keychain; start a new rotation');
  const unproven = await unprovenNewKey(ctx, newSecret, targets);
  if (unproven) return failStep(ctx, 'swap', unproven);
  // Every target that cannot take the key is known before any is written: a swap never stops
  // half-done on a missing file, a read-only one, a variable gone or a program not installed.
  const keys: SwapKeys = { oldSecret, newSecret, keyId: oldKey.id, resolveReference: swapReferenceResolver(ctx) };
  const blocked = await blockedTargets(ctx, targets, keys);
  if (blocked.length > 0) {
    const why = new Map(blocked.map((b) => [b.target.id, b.detail]));
    await ctx.journal.mutate((r) => ({
      rotation: { ...r, targets: r.targets.map((t) => (why.has(t.targetId) ? { ...t, status: 'failed' as const, detail: why.get(t.targetId) } : t)) },
    }));
    return failStep(ctx, 'swap', `${blocked.length} target(s) cannot take the new key, so it was written to none: ${blocked.map((b) => `${where(b.target)}: ${b.detail}`).join('; ')}. Fix them, then resume; the old key still works`);
  }

  for (const [index, target] of targets.entries()) {
    if (ctx.state().rotation.targets.find((t) => t.targetId === target.id)?.status === 'done') continue;
    const outcome = await applyTarget(ctx, target, keys);
    await ctx.journal.mutate((r) => ({
      rotation: {
        ...r,
        targets: r.targets.map((t) => (t.targetId === target.id ? { ...t, status: outcome.ok ? 'done' : 'failed', detail: outcome.detail } : t)),
        journal: [...r.journal, { at: ctx.deps.clock.now().toISOString(), step: 'swap', event: outcome.ok ? 'note' : 'fail', detail: `${where(target)}: ${outcome.detail}` }],
      },
    }));
    ctx.interaction.progress({ step: 'swap', status: 'running', detail: `${where(target)}: ${outcome.detail}` });
    await ctx.checkpoint(`swap:after-target-${index}`);
  }

  const failed = ctx.state().rotation.targets.filter((t) => t.status === 'failed' && current.has(t.targetId));
  if (failed.length > 0) {
    return failStep(ctx, 'swap', `${failed.length} target(s) could not be written: ${failed.map((t) => t.detail).join('; ')}. Fix them, then resume; the old key still works`);
  }
  const detail = targets.length === 0 ? 'no swap targets: update the places that use this key by hand' : `${targets.length} target(s) hold the new key`;
  await ctx.journal.end('swap', detail, undefined, { swapCompletedAt: ctx.deps.clock.now().toISOString() });
  ctx.deps.audit.append({ action: 'rotation.swap', keyId: rotation.newKeyId, outcome: 'ok', detail });
  ctx.interaction.progress({ step: 'swap', status: 'done', detail });
  await ctx.checkpoint('swap:after');
  return true;
}

/**
 * A key is swapped in only once it is proven to work (a 2xx with the API's own body, or 403): a
 * junk key that gets 431, or any key behind a mistyped verify path (404), must never reach a
 * consumer. The verify step checks again after the swap, for the provider's view of the old key.
 */
async function unprovenNewKey(ctx: StepContext, newSecret: string, targets: readonly Target[]): Promise<string | null> {
  const pending = targets.filter((t) => ctx.state().rotation.targets.find((e) => e.targetId === t.id)?.status !== 'done');
  if (pending.length === 0) return null;
  const verification = await verifyKey(ctx.deps.http, ctx.profile, ctx.instance, newSecret, ctx.deps.clock);
  if (verification.result === 'valid' || verification.result === 'limited') return null;
  return `the new key is not proven to work (${verification.result}: ${verification.reason}), so it was written to no swap target and the old key still works; resume once the provider accepts it`;
}

/** The targets still to write that would refuse the key now, each with why; nothing is written. */
async function blockedTargets(ctx: StepContext, targets: readonly Target[], keys: SwapKeys): Promise<{ target: Target; detail: string }[]> {
  const blocked: { target: Target; detail: string }[] = [];
  for (const target of targets) {
    if (ctx.state().rotation.targets.find((t) => t.targetId === target.id)?.status === 'done') continue;
    const detail = await targetProblem(target, keys);
    if (detail) blocked.push({ target, detail });
  }
  return blocked;
}

/** Why a target cannot take the new key now (the checks its write makes, without writing), or null. */
function targetProblem(target: Target, keys: SwapKeys): Promise<string | null> {
  return checkTarget(target, keys);
}

function where(target: Target): string {
  return describeTarget(target).where;
}

function applyTarget(ctx: StepContext, target: Target, keys: SwapKeys): Promise<{ ok: boolean; detail: string }> {
  return writeTarget(target, {
    ...keys,
    backupTag: backupTag(ctx.state().rotation),
    hasBackup: (path) => ctx.state().rotation.targets.some((t) => t.backup === path),
    onBackup: (path) => ctx.journal.mutate((r) => ({ rotation: { ...r, targets: r.targets.map((t) => (t.targetId === target.id ? { ...t, backup: path } : t)) } })).then(() => undefined),
  });
}

/** Each rotation backs files up under its own name: another rotation of a key in the same file neither replaces nor removes it. */
function backupTag(rotation: Rotation): string {
  return rotation.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
}

/**
 * Once a rotation has finished, the backups its swap made go: they hold the revoked key, and every
 * other key of those files, in a second place.
 */
export async function removeSwapBackups(rotation: Rotation): Promise<void> {
  const paths = new Set(rotation.targets.flatMap((t) => (t.backup ? [t.backup] : [])));
  for (const path of paths) await rm(path, { force: true }).catch(() => undefined);
}
