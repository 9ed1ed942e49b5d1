import type { Rotation } from '../../domain/model.js';
import { fail } from '../../domain/problems/problem-error.js';
import { createsByApi } from '../../providers/profile.js';
import type { StepContext } from '../../rotation/context.js';
import { dropPendingKey, revokeStarted } from '../../rotation/pending-key.js';
import { RESTORED_DETAIL, restoreTargets } from './restore-targets.js';
import { removeSwapBackups } from './swap-step.js';

type NewKeyAtProvider = NonNullable<Rotation['abandoned']>['newKeyAtProvider'];

/** Refuses to give up a rotation that is over, or whose old key is being revoked. */
export function refuseGivingUp(rotation: Rotation, ref: string, action: 'abandon' | 'replace'): void {
  if (rotation.state === 'completed') fail('rotation.finished', { ref, state: 'completed' });
  if (rotation.state === 'abandoned') fail('rotation.finished', { ref, state: 'abandoned' });
  if (revokeStarted(rotation)) fail('rotation.revoke-started', { ref, action });
}

/**
 * Abandons a rotation, under its lock: the swap targets that got the new key get the old key
 * back, a key the provider's API created is revoked there (else the outcome says it still works
 * there), the pending key leaves the keychain and the vault, the old key stays (or is again) the
 * current key. Journaled before (`abandonStartedAt`: a run that finds it finishes the abandon) and
 * after; every part does nothing the second time, so a crash anywhere is finished by the next run.
 */
export async function abandonRotation(ctx: StepContext, ref: string): Promise<Rotation> {
  const first = ctx.state().rotation;
  if (first.state === 'abandoned') return first;
  refuseGivingUp(first, ref, 'abandon');
  if (!first.abandonStartedAt) {
    await ctx.journal.note('rotation', 'abandoning: the new key is removed and the old key stays current', { abandonStartedAt: ctx.deps.clock.now().toISOString() });
  }
  await ctx.checkpoint('abandon:before');
  const { rotation, oldKey } = ctx.state();
  const oldSecret = await ctx.secretOf(oldKey.id);
  const pendingSecret = await ctx.secretOf(rotation.newKeyId);
  await restoreTargets(ctx, pendingSecret, oldSecret);
  const atProvider = await newKeyAtProvider(ctx, oldSecret ?? pendingSecret, pendingSecret !== null);
  await ctx.checkpoint('abandon:provider-done');
  for (const id of [rotation.newKeyId, ...(rotation.discardedKeyIds ?? [])]) await ctx.deps.secrets.delete(ctx.deps.keychainService, id);
  await ctx.checkpoint('abandon:keychain-removed');
  const restoredTargets = ctx.state().rotation.targets.filter((t) => t.detail === RESTORED_DETAIL).length;
  const detail = `abandoned: the new key was removed${restoredTargets > 0 ? `, ${restoredTargets} target(s) hold the old key again` : ''}; the old key stays current${atProvider === 'still-works' ? ' (the new key still works at the provider: revoke it in its dashboard)' : ''}`;
  const now = ctx.deps.clock.now().toISOString();
  const finished = await ctx.journal.mutate((r, doc) => ({
    rotation: {
      ...r,
      state: 'abandoned',
      finishedAt: now,
      abandoned: { newKeyAtProvider: atProvider, restoredTargets },
      journal: [...r.journal, { at: now, step: 'rotation', event: 'end', detail }],
    },
    doc: dropPendingKey(doc, r),
  }));
  ctx.deps.audit.append({ action: 'rotation.abandoned', keyId: oldKey.id, maskedKey: oldKey.maskedKey, outcome: 'ok', detail });
  // The backups hold the files as they were before the rotation: a second copy of their keys.
  await removeSwapBackups(finished);
  await ctx.checkpoint('abandon:after');
  return finished;
}

/**
 * What becomes of the new key at the provider. One its API created is revoked there (found by its
 * id, or by the rotation's unique name when the create lost its answer); one pasted from the
 * dashboard still works there. A revoke that fails leaves it working: the outcome says so.
 */
async function newKeyAtProvider(ctx: StepContext, auth: string | null, pendingStored: boolean): Promise<NewKeyAtProvider> {
  const { rotation, oldKey, newKey } = ctx.state();
  const createStarted = rotation.steps.create.status !== 'waiting' || pendingStored;
  if (!createStarted) return 'none';
  if (!createsByApi(ctx.profile)) return pendingStored || newKey !== null ? 'still-works' : 'none';
  if (auth === null) return 'still-works';
  const api = ctx.profile.keyApi(ctx.instance, ctx.deps.http);
  try {
    const ids = new Set<string>();
    const known = rotation.newRemoteId ?? newKey?.remoteId;
    if (known) ids.add(known);
    else for (const listed of await api.list(auth)) if (listed.name === rotation.providerKeyName) ids.add(listed.id);
    // Never the old key, whatever the list says.
    if (oldKey.remoteId) ids.delete(oldKey.remoteId);
    if (ids.size === 0) return pendingStored ? 'still-works' : 'none';
    for (const id of ids) {
      await api.revoke(auth, id);
      await ctx.journal.note('rotation', `the new key (${id}) was revoked at ${ctx.profile.displayName}`);
    }
    return 'revoked';
  } catch {
    await ctx.journal.note('rotation', `the new key could not be revoked at ${ctx.profile.displayName}: it still works there`);
    return 'still-works';
  }
}
