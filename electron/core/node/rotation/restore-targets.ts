import type { Rotation, VaultDocument } from '../../domain/model.js';
import { fail } from '../../domain/problems/problem-error.js';
import { describeTarget } from '../../targets/describe.js';
import type { StepContext } from '../../rotation/context.js';
import { keyRef } from '../../vault/refs.js';
import { writeTarget } from '../targets/registry.js';
import { swapReferenceResolver } from './swap-references.js';

/** What a target's rotation entry says once it holds the old key again (counted by an abandon). */
export const RESTORED_DETAIL = 'given the old key back';

/**
 * Every swap target that got the pending key gets the old key back, as the swap wrote it: the
 * same atomic write that keeps every other line, with the two keys' roles exchanged (a target that
 * holds the old key already is left as it is, so a second run does nothing). Each one is journaled
 * as it is done. A target that cannot take it back stops here with `rotation.restore-failed`: the
 * pending key must not leave the keychain while a file still holds it.
 */
export async function restoreTargets(ctx: StepContext, pendingSecret: string | null, oldSecret: string | null): Promise<void> {
  const { rotation, oldKey, newKey, doc } = ctx.state();
  const targets = oldKey.targets.length > 0 ? oldKey.targets : (newKey?.targets ?? []);
  // A rendered target is rendered again with the old key where the rotated key is referenced.
  const resolveReference = swapReferenceResolver(ctx);
  for (const entry of rotation.targets) {
    if (entry.status !== 'done') continue; // a failed write is atomic: the file never held the new key
    const target = targets.find((t) => t.id === entry.targetId);
    if (!target) continue;
    const where = describeTarget(target).where;
    if (oldSecret === null) fail('rotation.restore-failed', { ref: refOf(doc, rotation), where, reason: 'the old key is not in the keychain' });
    const outcome = await writeTarget(target, {
      oldSecret: pendingSecret,
      newSecret: oldSecret,
      keyId: oldKey.id,
      resolveReference,
      backupTag: 'restore',
      // The rotation's backup already holds the file as it was before the rotation: no second one.
      hasBackup: () => true,
      onBackup: async () => undefined,
    });
    if (!outcome.ok) fail('rotation.restore-failed', { ref: refOf(doc, rotation), where, reason: outcome.detail });
    await ctx.journal.mutate((r) => ({
      rotation: {
        ...r,
        targets: r.targets.map((t) => (t.targetId === entry.targetId ? { ...t, status: 'pending' as const, detail: RESTORED_DETAIL } : t)),
        journal: [...r.journal, { at: ctx.deps.clock.now().toISOString(), step: 'swap', event: 'note', detail: `${where}: ${RESTORED_DETAIL}` }],
      },
    }));
    await ctx.checkpoint('restore:after-target');
  }
}

function refOf(doc: VaultDocument, rotation: Rotation): string {
  const key = doc.keys.find((k) => k.id === rotation.newKeyId && k.status === 'active') ?? doc.keys.find((k) => k.id === rotation.oldKeyId);
  const instance = doc.instances.find((i) => i.id === rotation.instanceId);
  return key && instance ? keyRef(instance, key) : rotation.oldKeyId;
}
