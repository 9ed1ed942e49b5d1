import type { Verification } from '../domain/model.js';
import { withKey } from './journal.js';
import { revokeAndProve } from './revoke-and-prove.js';
import { oldKeyRemoteId } from './old-key-remote-id.js';
import type { StepContext } from './context.js';
import { failStep } from './fail-step.js';
import { processesHoldingOldKey } from './consumers-wait.js';

/**
 * revoke: only after the new key was verified (the engine runs steps in order). Then the proof:
 * the old key must get 401. Only then is it marked revoked and its secret removed from the keychain.
 */
export async function runRevoke(ctx: StepContext): Promise<boolean> {
  const { rotation, oldKey } = ctx.state();
  // Live facts, not journaled: a resume asks the leases again.
  const warnings = [...rotation.warnings, ...(await processesHoldingOldKey(ctx))];
  if (warnings.length > 0 && !ctx.options.yes && !(await ctx.interaction.confirmDespiteWarnings(warnings))) {
    return failStep(ctx, 'revoke', `stopped before revoking: ${warnings.join('; ')}. Resume when every consumer uses the new key`);
  }
  const oldSecret = await ctx.secretOf(oldKey.id);
  const newSecret = await ctx.secretOf(rotation.newKeyId);
  await ctx.journal.begin('revoke', 'revoking the old key');
  ctx.interaction.progress({ step: 'revoke', status: 'running', detail: 'revoking the old key' });
  if (oldSecret === null) return finish(ctx, 'the old key is no longer in the keychain: it was revoked earlier', 'already');

  const outcome = await revokeAndProve({
    profile: ctx.profile,
    instance: ctx.instance,
    record: oldKey,
    secret: oldSecret,
    apiAuth: newSecret ?? oldSecret,
    remoteId: (api) => oldKeyRemoteId(ctx, api, oldSecret),
    http: ctx.deps.http,
    clock: ctx.deps.clock,
    sleep: ctx.deps.sleep,
    waitMs: ctx.options.revokeWaitMs,
    showGuide: (guide) => {
      ctx.interaction.showRevokeGuide(guide);
      ctx.interaction.progress({ step: 'revoke', status: 'running', detail: `waiting until the old key is rejected (up to ${Math.round(ctx.options.revokeWaitMs / 1000)} s)` });
    },
    afterProviderCall: () => ctx.checkpoint('revoke:provider-revoked'),
    note: async (detail) => {
      await ctx.journal.note('revoke', detail);
    },
  });
  if (!outcome.proven) return failStep(ctx, 'revoke', outcome.detail);
  return finish(ctx, outcome.detail, outcome.path, outcome.proof ?? undefined);
}

async function finish(ctx: StepContext, detail: string, path: 'api' | 'guided' | 'already', proof?: Verification): Promise<boolean> {
  const { oldKey } = ctx.state();
  await ctx.journal.end('revoke', detail, (doc) => withKey(doc, oldKey.id, (k) => ({ ...k, status: 'revoked', ...(proof ? { lastVerification: proof } : {}) })), {
    state: 'completed',
    finishedAt: ctx.deps.clock.now().toISOString(),
  });
  // A revoked key is useless; its secret leaves the keychain so it can leak from nowhere.
  await ctx.deps.secrets.delete(ctx.deps.keychainService, oldKey.id).catch(() => false);
  ctx.deps.audit.append({ action: 'rotation.revoke', keyId: oldKey.id, maskedKey: oldKey.maskedKey, outcome: 'ok', detail: `${detail} (${path})` });
  ctx.interaction.progress({ step: 'revoke', status: 'done', detail });
  await ctx.checkpoint('revoke:after');
  return true;
}
