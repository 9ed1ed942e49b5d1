import { verifyKey } from '../verify/verify-key.js';
import { previousKeyName } from './derived-names.js';
import { splitReferenceSites, withReferenceSites } from '../references/sites.js';
import { withKey } from './journal.js';
import type { StepContext } from './context.js';
import { failStep } from './fail-step.js';
import { byIdReferenceWarnings } from './reference-warnings.js';

/** How long after the swap a use of the old key is still counted as a request already under way. */
const IN_FLIGHT_GRACE_MS = 2_000;

/**
 * verify: the new key must answer the provider's authenticated call. Only then does it become the
 * CURRENT key under the old name, and the old one PREVIOUS.
 */
export async function runVerify(ctx: StepContext): Promise<boolean> {
  await ctx.journal.begin('verify', 'checking the new key with the provider');
  ctx.interaction.progress({ step: 'verify', status: 'running', detail: 'checking the new key with the provider' });
  const { rotation, oldKey } = ctx.state();
  const newSecret = await ctx.secretOf(rotation.newKeyId);
  if (newSecret === null) return failStep(ctx, 'verify', 'the new key is missing from the keychain; start a new rotation');
  const verification = await verifyKey(ctx.deps.http, ctx.profile, ctx.instance, newSecret, ctx.deps.clock);
  if (verification.result !== 'valid' && verification.result !== 'limited') {
    return failStep(ctx, 'verify', `the new key is ${verification.result} (${verification.reason}); the old key was not touched — resume once the provider accepts it`);
  }

  // A reference by id to the old key is a consumer the revoke will break: said before it, like a use after the swap.
  const byId = byIdReferenceWarnings(oldKey, ctx.instance).filter((w) => !rotation.warnings.includes(w));
  const warnings = [...(await oldKeyStillUsed(ctx, newSecret)), ...byId];
  const demotedAt = ctx.deps.clock.now();
  const promoted = await ctx.journal.end(
    'verify',
    `the new key works (${verification.httpStatus}); it is now the current key`,
    (doc) => {
      const old = doc.keys.find((k) => k.id === oldKey.id);
      if (!old || old.status !== 'active') return doc; // already promoted by an earlier run
      // The new key takes the name first; the old one's new name is then unique among the rest.
      // References by name follow the name, so their sites go with it; those by id stay with the old key.
      const sites = splitReferenceSites(old.referenceSites);
      const withNew = withKey(doc, rotation.newKeyId, (k) => withReferenceSites({ ...k, name: old.name, status: 'active', targets: old.targets, lastVerification: verification }, sites.byName));
      return withKey(withNew, oldKey.id, (k) =>
        withReferenceSites({ ...k, name: previousKeyName(withNew, k.instanceId, k.id, k.name, demotedAt), status: 'previous', targets: [], replacedBy: rotation.newKeyId }, sites.byId),
      );
    },
    { warnings: [...rotation.warnings, ...warnings] },
  );
  ctx.deps.audit.append({ action: 'rotation.verify', keyId: rotation.newKeyId, outcome: 'ok', detail: verification.reason });
  ctx.interaction.progress({ step: 'verify', status: 'done', detail: warnings.length > 0 ? `the new key works; ${warnings.join('; ')}` : 'the new key works' });
  await ctx.checkpoint('verify:after');
  return promoted.steps.verify.status === 'done';
}

/** Nexora reports last_used_at: a use of the old key after the swap means a consumer still holds it. */
async function oldKeyStillUsed(ctx: StepContext, auth: string): Promise<string[]> {
  const { rotation, oldKey } = ctx.state();
  const api = ctx.profile.keyApi?.(ctx.instance, ctx.deps.http);
  if (!api || !rotation.swapCompletedAt || rotation.inPlace) return [];
  // Only a stored id: finding it now would list with the old key, and that use could mark it as
  // used after the swap.
  const remoteId = oldKey.remoteId;
  if (!remoteId) return [];
  const listed = await api.list(auth).catch(() => []);
  const lastUsed = listed.find((k) => k.id === remoteId)?.lastUsedAt;
  if (!lastUsed) return [];
  if (Date.parse(lastUsed) > Date.parse(rotation.swapCompletedAt) + IN_FLIGHT_GRACE_MS) {
    return [`the old key was used at ${lastUsed}, after the swap: some consumer still holds it`];
  }
  return [];
}
