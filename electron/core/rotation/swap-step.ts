import { rm } from 'node:fs/promises';
import type { Rotation, Target } from '../domain/model.js';
import { commandProblem, runCommandTarget } from '../targets/command-target.js';
import { backupPathOf, missingVariable, readDotenvTarget, writeDotenvTarget } from '../targets/dotenv-file.js';
import { verifyKey } from '../verify/verify-key.js';
import type { StepContext } from './context.js';
import { failStep } from './fail-step.js';

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
  const blocked = await blockedTargets(ctx, targets, oldSecret, newSecret);
  if (blocked.length > 0) {
    const why = new Map(blocked.map((b) => [b.target.id, b.detail]));
    await ctx.journal.mutate((r) => ({
      rotation: { ...r, targets: r.targets.map((t) => (why.has(t.targetId) ? { ...t, status: 'failed' as const, detail: why.get(t.targetId) } : t)) },
    }));
    return failStep(ctx, 'swap', `${blocked.length} target(s) cannot take the new key, so it was written to none: ${blocked.map((b) => `${describeTarget(b.target)}: ${b.detail}`).join('; ')}. Fix them, then resume; the old key still works`);
  }

  for (const [index, target] of targets.entries()) {
    if (ctx.state().rotation.targets.find((t) => t.targetId === target.id)?.status === 'done') continue;
    const outcome = await applyTarget(ctx, target, oldSecret, newSecret);
    await ctx.journal.mutate((r) => ({
      rotation: {
        ...r,
        targets: r.targets.map((t) => (t.targetId === target.id ? { ...t, status: outcome.ok ? 'done' : 'failed', detail: outcome.detail } : t)),
        journal: [...r.journal, { at: ctx.deps.clock.now().toISOString(), step: 'swap', event: outcome.ok ? 'note' : 'fail', detail: `${describeTarget(target)}: ${outcome.detail}` }],
      },
    }));
    ctx.interaction.progress({ step: 'swap', status: 'running', detail: `${describeTarget(target)}: ${outcome.detail}` });
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
async function blockedTargets(ctx: StepContext, targets: readonly Target[], oldSecret: string | null, newSecret: string): Promise<{ target: Target; detail: string }[]> {
  const blocked: { target: Target; detail: string }[] = [];
  for (const target of targets) {
    if (ctx.state().rotation.targets.find((t) => t.targetId === target.id)?.status === 'done') continue;
    const detail = await targetProblem(target, oldSecret, newSecret);
    if (detail) blocked.push({ target, detail });
  }
  return blocked;
}

/** Why a target cannot take the new key now (the checks its write makes, without writing), or null. */
async function targetProblem(target: Target, oldSecret: string | null, newSecret: string): Promise<string | null> {
  if (target.kind === 'command') return commandProblem(target.command);
  try {
    const current = await readDotenvTarget(target.file, target.variable, target.linkTo ?? target.file);
    return dotenvValueProblem(target, current.value, oldSecret, newSecret);
  } catch (error) {
    return error instanceof Error ? error.message : 'cannot be read';
  }
}

/** Whether the variable's value may be replaced: the old key, the new one, an empty slot, or absent where allowed. */
function dotenvValueProblem(target: Extract<Target, { kind: 'dotenv' }>, value: string | null, oldSecret: string | null, newSecret: string): string | null {
  if (value === null) return target.createVariable ? null : missingVariable(target.file, target.variable, 'swap');
  // An empty assignment (`VAR=`) is a slot waiting for a key, not somebody else's key.
  if (value !== '' && value !== oldSecret && value !== newSecret) return 'holds a key that is neither the old nor the new one; not overwritten';
  return null;
}

export function describeTarget(target: Target): string {
  return target.kind === 'dotenv' ? `${target.file} (${target.variable})` : `command ${target.command}`;
}

async function applyTarget(ctx: StepContext, target: Target, oldSecret: string | null, newSecret: string): Promise<{ ok: boolean; detail: string }> {
  try {
    if (target.kind === 'command') {
      const result = await runCommandTarget({ command: target.command, args: target.args, secret: newSecret, timeoutMs: target.timeoutMs ?? 30_000 });
      if (result.ok) return { ok: true, detail: 'the command took the new key' };
      const why = result.timedOut ? 'timed out' : `exited with ${result.exitCode ?? result.signal}`;
      return { ok: false, detail: `the command ${why}${result.output ? `: ${result.output.slice(-300)}` : ''}` };
    }
    // Every file check runs again here: the file may have been replaced since the target was added.
    const expectedResolved = target.linkTo ?? target.file;
    const current = await readDotenvTarget(target.file, target.variable, expectedResolved);
    if (current.value === newSecret) return { ok: true, detail: 'already holds the new key' };
    const problem = dotenvValueProblem(target, current.value, oldSecret, newSecret);
    if (problem) return { ok: false, detail: problem };
    // The backup holds the file as it was before this rotation: a second target in the same file
    // (or a resume) does not replace it with a state that already holds the new key.
    const tag = backupTag(ctx.state().rotation);
    const backupPath = backupPathOf(current.resolved, tag);
    const alreadyBackedUp = ctx.state().rotation.targets.some((t) => t.backup === backupPath);
    await writeDotenvTarget({
      file: target.file,
      variable: target.variable,
      value: newSecret,
      expectedResolved,
      createVariable: target.createVariable === true,
      expectedSha256: current.sha256,
      ...(alreadyBackedUp ? {} : { backupTag: tag }),
      onBackup: (path) => ctx.journal.mutate((r) => ({ rotation: { ...r, targets: r.targets.map((t) => (t.targetId === target.id ? { ...t, backup: path } : t)) } })).then(() => undefined),
    });
    return { ok: true, detail: current.value === null ? 'the variable was added' : 'the new key was written' };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : 'writing failed' };
  }
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
