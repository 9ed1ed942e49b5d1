import type { Rotation } from '../../domain/model.js';
import { fail } from '../../domain/problems/problem-error.js';
import type { StepContext } from '../../rotation/context.js';
import { createPath } from '../../rotation/create-step.js';
import { dropPendingKey } from '../../rotation/pending-key.js';
import { refuseGivingUp } from './abandon.js';
import { restoreTargets } from './restore-targets.js';

/**
 * "Use a different key", under the rotation's lock: for a guided create whose pasted key turned
 * out wrong (its check or its swap failed). The swap targets that got it get the old key back (the
 * next swap writes the new one over it), the pasted key leaves the vault and the keychain, and
 * create, swap and verify start again: the next run asks for the key again. The pending key gets a
 * fresh id in the same write that discards the old one (kept in `discardedKeyIds`, whose keychain
 * entries every run removes), so a crash never leaves the discarded secret to be taken for the new key.
 * A key the provider's API created has no different key to paste: abandon the rotation instead.
 */
export async function replaceNewKey(ctx: StepContext, ref: string, newId: () => string): Promise<Rotation> {
  const first = ctx.state().rotation;
  refuseGivingUp(first, ref, 'replace');
  if (createPath(ctx.profile, first.inPlace) !== 'guided') fail('rotation.new-key-by-api', { ref, provider: ctx.profile.displayName });
  const discarded = first.newKeyId;
  const pendingSecret = await ctx.secretOf(discarded);
  if (first.steps.create.status === 'waiting' && pendingSecret === null && ctx.state().newKey === null) return first; // nothing pasted yet
  await ctx.journal.note('create', 'using a different key: the pasted key is removed and the new key is asked for again');
  await restoreTargets(ctx, pendingSecret, await ctx.secretOf(first.oldKeyId));
  const fresh = newId();
  const replaced = await ctx.journal.mutate((r, doc) => {
    const { newKeyExpiresOn: _expiry, swapCompletedAt: _swapped, newRemoteId: _remote, ...rest } = r;
    return {
      rotation: {
        ...rest,
        newKeyId: fresh,
        discardedKeyIds: [...(r.discardedKeyIds ?? []), discarded],
        steps: { ...r.steps, create: { status: 'waiting' }, swap: { status: 'waiting' }, verify: { status: 'waiting' } },
        // Back to pending, each with the backup it made (removed when the rotation ends).
        targets: r.targets.map((t) => ({ targetId: t.targetId, status: 'pending' as const, ...(t.backup ? { backup: t.backup } : {}) })),
        journal: [...r.journal, { at: ctx.deps.clock.now().toISOString(), step: 'create', event: 'note', detail: 'the pasted key was removed: paste a different key to carry on' }],
      },
      doc: dropPendingKey(doc, r),
    };
  });
  await ctx.checkpoint('replace:recorded');
  await removeDiscardedSecrets(ctx, replaced);
  ctx.deps.audit.append({ action: 'rotation.new-key-discarded', keyId: replaced.oldKeyId, outcome: 'ok', detail: 'the pasted key was removed; a different key is to be pasted' });
  return replaced;
}

/** The keychain entries of pending keys a "use a different key" discarded: gone, whatever stopped the last run. */
export async function removeDiscardedSecrets(ctx: Pick<StepContext, 'deps'>, rotation: Rotation): Promise<void> {
  for (const id of rotation.discardedKeyIds ?? []) await ctx.deps.secrets.delete(ctx.deps.keychainService, id);
}
