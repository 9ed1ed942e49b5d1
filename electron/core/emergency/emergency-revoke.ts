import { fingerprintOf } from '../crypto/fingerprint.js';
import { UserInputError } from '../domain/errors.js';
import type { Instance, KeyRecord, VaultDocument } from '../domain/model.js';
import type { GuidedStep } from '../providers/profile.js';
import { resolveProfile } from '../providers/registry.js';
import type { RotationDeps } from '../rotation/context.js';
import { revokeAndProve, type RevokeOutcome } from '../rotation/revoke-and-prove.js';
import { noKeyApi, resolveRemoteId, type ChooseRemoteKey } from '../rotation/remote-id.js';
import { findKey, keyRef } from '../vault/refs.js';
import { normalizeLeaked } from './leaked-input.js';

/** What an emergency revocation needs: the rotation's parts, without its id maker and checkpoints. */
export type EmergencyDeps = Omit<RotationDeps, 'newId' | 'checkpoint' | 'locks'>;

export interface LeakMatch {
  record: KeyRecord;
  instance: Instance;
  ref: string;
}

/** The stored key whose fingerprint matches the leaked string, if any: metadata only, no keychain. */
export function findLeaked(doc: VaultDocument, pasted: string): LeakMatch | null {
  const leaked = normalizeLeaked(pasted);
  // `export VAR=` is an empty slot, not a key Keyturn does not know.
  if (leaked === '') throw new UserInputError('the pasted text holds no key (its value is empty): paste the leaked key itself');
  const fingerprint = fingerprintOf(leaked);
  const record = doc.keys.find((k) => k.fingerprint === fingerprint);
  if (!record) return null;
  const instance = doc.instances.find((i) => i.id === record.instanceId);
  return instance ? { record, instance, ref: keyRef(instance, record) } : null;
}

/**
 * Revokes a key now — by API or guided — proves it dead (401) and marks it revoked. The secret
 * is the leaked string itself when given, else read from the keychain.
 */
export async function emergencyRevoke(
  deps: EmergencyDeps,
  ref: string,
  options: {
    waitMs: number;
    showGuide: (guide: GuidedStep) => void;
    leakedSecret?: string;
    /** The key's id at the provider as the person gave it (checked against the provider's list). */
    remoteId?: string;
    /** Asked when the provider lists several keys that could be this one; absent: revoked in the dashboard. */
    chooseRemoteKey?: ChooseRemoteKey;
  },
): Promise<RevokeOutcome & { ref: string }> {
  const doc = deps.metadata.read();
  const { record, instance } = findKey(doc, ref);
  if (record.status === 'revoked') throw new UserInputError(`${keyRef(instance, record)} is already revoked`);
  const secret = options.leakedSecret ?? (await deps.secrets.get(deps.keychainService, record.id));
  if (secret === null) throw new UserInputError(`the keychain holds no secret for ${keyRef(instance, record)}: paste the leaked key with --leaked instead`);
  const profile = resolveProfile(instance.provider, doc.customProviders);
  if (options.remoteId !== undefined && !profile.keyApi) throw noKeyApi(profile.displayName);
  const outcome = await revokeAndProve({
    profile,
    instance,
    record,
    secret,
    // The leaked key still works until revoked, so it can authorize its own revocation.
    apiAuth: secret,
    remoteId: (api) =>
      resolveRemoteId({
        api,
        secret,
        record,
        doc,
        metadata: deps.metadata,
        question: { provider: profile.displayName, ref: keyRef(instance, record), maskedKey: record.maskedKey },
        ...(options.remoteId !== undefined ? { chosenId: options.remoteId } : {}),
        ...(options.chooseRemoteKey ? { choose: options.chooseRemoteKey } : {}),
      }),
    http: deps.http,
    clock: deps.clock,
    sleep: deps.sleep,
    waitMs: options.waitMs,
    showGuide: options.showGuide,
  });
  if (outcome.proven) {
    await deps.metadata.update((current) => ({
      doc: { ...current, keys: current.keys.map((k) => (k.id === record.id ? { ...k, status: 'revoked', ...(outcome.proof ? { lastVerification: outcome.proof } : {}) } : k)) },
      result: undefined,
    }));
    await deps.secrets.delete(deps.keychainService, record.id).catch(() => false);
  }
  deps.audit.append({ action: 'emergency.revoke', keyId: record.id, maskedKey: record.maskedKey, outcome: outcome.proven ? 'ok' : 'failed', detail: outcome.detail });
  return { ...outcome, ref: keyRef(instance, record) };
}
