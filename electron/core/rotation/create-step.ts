import { checkNewKey } from '../vault/new-key-check.js';
import { storeSecretVerified } from '../vault/secret-write.js';
import { ProviderCallError, type KeyManagementApi } from '../providers/key-api.js';
import type { KeyRecord, VaultDocument } from '../domain/model.js';
import { createsByApi, type ProviderProfile } from '../providers/profile.js';
import { maskedText, typedBack } from '../domain/problems/params.js';
import { ProblemError, problem } from '../domain/problems/problem-error.js';
import { parseDay } from '../policy/policy-changes.js';
import type { PastedKey } from './interaction.js';
import type { Problem } from '../domain/problems/catalogue.js';
import type { StepContext } from './context.js';
import { failStep } from './fail-step.js';
import { pendingKeyName } from './derived-names.js';
import { oldKeyRemoteId } from './old-key-remote-id.js';

/**
 * create: the new secret is in the keychain as the PENDING key, read back, before anything else
 * happens. By the provider's key API (a new key, or in place), else guided (dashboard, paste).
 */
export async function runCreate(ctx: StepContext): Promise<boolean> {
  const { rotation, oldKey } = ctx.state();
  const api = ctx.profile.keyApi?.(ctx.instance, ctx.deps.http) ?? null;
  const path = createPath(ctx.profile, rotation.inPlace);
  const resumed = rotation.steps.create.status !== 'waiting';
  await ctx.journal.begin('create', path === 'guided' ? 'waiting for the new key from the dashboard' : `creating ${rotation.providerKeyName} at ${ctx.profile.displayName}`, path);
  ctx.interaction.progress({ step: 'create', status: 'running', detail: 'creating the new key' });

  // A crash after the keychain write but before the metadata: the secret is already safe.
  const saved = await ctx.secretOf(rotation.newKeyId);
  if (saved !== null) return finishCreate(ctx, saved, await findRemoteId(ctx, api, saved));

  // A profile that creates by API has its key API by type; in place is offered only by such profiles.
  if (path === 'guided' || !createsByApi(ctx.profile)) return createGuided(ctx);
  const oldSecret = await ctx.secretOf(oldKey.id);
  if (oldSecret === null) return failStep(ctx, 'create', 'the old key is not in the keychain, so Keyturn cannot call the provider with it');
  const keyApi = ctx.profile.keyApi(ctx.instance, ctx.deps.http);

  if (path === 'api' && resumed) {
    // A create that lost its answer (timeout, reset, crash) may have made a key whose secret nobody
    // has: find it by its unique name and remove it before creating again.
    const removed = await removeOrphans(ctx, keyApi, oldSecret);
    if (removed === null) return false;
  }
  await ctx.checkpoint('create:before-request');
  let created;
  try {
    created = path === 'in-place' ? await keyApi.rotate(oldSecret, await oldRemoteId(ctx, keyApi, oldSecret, oldKey)) : await keyApi.create(oldSecret, rotation.providerKeyName);
  } catch (error) {
    if (error instanceof ProviderCallError && error.outcomeUnknown && path === 'api') await removeOrphans(ctx, keyApi, oldSecret);
    if (error instanceof ProblemError) return failStep(ctx, 'create', { problem: error.problem, context: 'create-call' });
    return failStep(ctx, 'create', `${error instanceof Error ? error.message : 'the provider call failed'}; nothing was changed here — resume to try again`);
  }
  await ctx.checkpoint('create:provider-created');
  const check = checkNewKey(ctx.state().doc, ctx.profile, ctx.instance, created.secret);
  if (check.refusal) {
    if (path === 'api') await keyApi.revoke(oldSecret, created.id).catch(() => 'not-found');
    return failStep(ctx, 'create', { problem: check.refusal, context: 'provider-key' });
  }
  await storeSecretVerified(ctx.deps.secrets, ctx.deps.keychainService, rotation.newKeyId, check.secret);
  await ctx.checkpoint('create:keychain-written');
  return finishCreate(ctx, check.secret, created.id);
}

/** How a rotation's new key is made: in place, by the provider's API, or pasted from its dashboard. */
export function createPath(profile: ProviderProfile, inPlace: boolean): 'in-place' | 'api' | 'guided' {
  if (inPlace) return 'in-place';
  return createsByApi(profile) ? 'api' : 'guided';
}

async function createGuided(ctx: StepContext): Promise<boolean> {
  const guide = ctx.profile.dashboard(ctx.instance).create;
  let refusal: Problem | null = null;
  for (;;) {
    const answer = await ctx.interaction.pasteNewKey(guide, refusal);
    if (answer === null) return failStep(ctx, 'create', refusal ? { problem: refusal, context: 'pasted-key' } : 'stopped: no new key was pasted; resume when you have it');
    const pasted: PastedKey = typeof answer === 'string' ? { secret: answer } : answer;
    const check = checkNewKey(ctx.state().doc, ctx.profile, ctx.instance, pasted.secret, ctx.state().rotation);
    const expiresOn = pasted.expiresOn === undefined || pasted.expiresOn === '' ? null : pasted.expiresOn;
    const expiryRefusal = expiresOn === null ? null : expiryProblem(ctx.profile, expiresOn, ctx.deps.clock.now());
    if (check.refusal || expiryRefusal) {
      refusal = check.refusal ?? expiryRefusal;
      continue;
    }
    // Journaled before the key is stored: a crash after the keychain write still gives the key its expiry.
    if (expiresOn !== null) await ctx.journal.note('create', `the new key expires on ${expiresOn}`, { newKeyExpiresOn: expiresOn });
    await storeSecretVerified(ctx.deps.secrets, ctx.deps.keychainService, ctx.state().rotation.newKeyId, check.secret);
    await ctx.checkpoint('create:keychain-written');
    return finishCreate(ctx, check.secret, null);
  }
}

async function finishCreate(ctx: StepContext, secret: string, remoteId: string | null): Promise<boolean> {
  const { rotation, oldKey } = ctx.state();
  const check = checkNewKey({ ...ctx.state().doc, keys: [] }, ctx.profile, ctx.instance, secret);
  const createdAt = ctx.deps.clock.now().toISOString();
  // Named on the document being written: unique among the keys there at that moment.
  const pendingOn = (doc: VaultDocument): KeyRecord => ({
    id: rotation.newKeyId,
    instanceId: ctx.instance.id,
    name: pendingKeyName(doc, ctx.instance.id, rotation.newKeyId, oldKey.name),
    maskedKey: check.maskedKey,
    fingerprint: check.fingerprint,
    createdAt,
    status: 'pending',
    targets: [],
    rotatedFrom: oldKey.id,
    ...(remoteId ? { remoteId } : {}),
    ...(rotation.newKeyExpiresOn ? { expiresOn: rotation.newKeyExpiresOn } : {}),
    ...(oldKey.maxAgeDays ? { maxAgeDays: oldKey.maxAgeDays } : {}),
  });
  await ctx.journal.end(
    'create',
    `the new key ${check.maskedKey} is saved in the keychain`,
    (doc: VaultDocument) => (doc.keys.some((k) => k.id === rotation.newKeyId) ? doc : { ...doc, keys: [...doc.keys, pendingOn(doc)] }),
    remoteId ? { newRemoteId: remoteId } : undefined,
  );
  ctx.deps.audit.append({ action: 'rotation.create', keyId: rotation.newKeyId, maskedKey: check.maskedKey, outcome: 'ok', detail: `pending key for ${oldKey.name}` });
  ctx.interaction.progress({ step: 'create', status: 'done', detail: `the new key ${check.maskedKey} is saved in the keychain` });
  await ctx.checkpoint('create:after');
  return true;
}

/**
 * Why the expiry given with a pasted key cannot be its expiry: a provider whose keys have none, a
 * date that is none, or earlier than the provider allows (Nora: tomorrow at the earliest).
 */
export function expiryProblem(profile: ProviderProfile, expiresOn: string, now: Date): Problem | null {
  if (!profile.nativeExpiry) return problem('rotation.expiry-not-native', { field: 'expires', provider: profile.displayName });
  try {
    parseDay(expiresOn);
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  const earliest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + profile.nativeExpiry.minDaysAhead)).toISOString().slice(0, 10);
  if (expiresOn < earliest) return problem('rotation.expiry-too-soon', { field: 'expires', value: typedBack(expiresOn), earliest });
  return null;
}

/** Removes keys named like this rotation's new key. Returns how many, or null when the list failed (the step failed). */
async function removeOrphans(ctx: StepContext, api: KeyManagementApi, auth: string): Promise<number | null> {
  const name = ctx.state().rotation.providerKeyName;
  let listed;
  try {
    listed = await api.list(auth);
  } catch (error) {
    await failStep(
      ctx,
      'create',
      error instanceof ProblemError ? { problem: error.problem, context: 'earlier-create' } : `could not check whether an earlier attempt created ${name} (${error instanceof Error ? error.message : 'list failed'}); resume to try again`,
    );
    return null;
  }
  const orphans = listed.filter((k) => k.name === name);
  for (const orphan of orphans) {
    await api.revoke(auth, orphan.id);
    await ctx.journal.note('create', `removed ${name} (${orphan.id}), made by an attempt whose answer was lost`);
  }
  return orphans.length;
}

async function findRemoteId(ctx: StepContext, api: KeyManagementApi | null, auth: string): Promise<string | null> {
  if (!api || ctx.state().rotation.inPlace) return ctx.state().rotation.newRemoteId ?? ctx.state().oldKey.remoteId ?? null;
  const listed = await api.list(auth).catch(() => []);
  return listed.find((k) => k.name === ctx.state().rotation.providerKeyName)?.id ?? null;
}

/** The old key's id at the provider, for an in-place rotation. */
async function oldRemoteId(ctx: StepContext, api: KeyManagementApi, auth: string, oldKey: KeyRecord): Promise<string> {
  const id = await oldKeyRemoteId(ctx, api, auth);
  if (!id) throw new ProviderCallError({ code: 'provider.remote-key-unchosen', provider: ctx.profile.displayName, maskedKey: maskedText(oldKey.maskedKey) });
  return id;
}
