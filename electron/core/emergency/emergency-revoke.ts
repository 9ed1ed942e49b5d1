import type { VaultDocument } from '../domain/model.js';
import { fail } from '../domain/problems/problem-error.js';
import type { KeyManagementApi } from '../providers/key-api.js';
import type { GuidedStep } from '../providers/profile.js';
import { resolveProfile } from '../providers/registry.js';
import type { CorePorts } from '../ports/core-ports.js';
import { revokeAndProve, type RevokeOutcome } from '../rotation/revoke-and-prove.js';
import { noKeyApi, resolveRemoteId, type ChooseRemoteKey } from '../rotation/remote-id.js';
import { findKey, keyRef } from '../vault/refs.js';
import { findLeakCandidates } from './leak-candidates.js';

export interface EmergencyRevokeOptions {
  waitMs: number;
  showGuide: (guide: GuidedStep) => void;
  /** The pasted text the key was found in: the secret is the string in it with this key's fingerprint. */
  leakedText?: string;
  /**
   * A production key: asks for the instance name typed back, false stops before anything is sent.
   * Null only where the person said so already (`--yes`).
   */
  confirmProduction: ((instanceName: string) => Promise<boolean>) | null;
  /** The revocation was asked for already and its wait ran out: only keep checking for the 401. */
  resume?: boolean;
  /** The key's id at the provider as the person gave it (checked against the provider's list). */
  remoteId?: string;
  /** Asked when the provider lists several keys that could be this one; absent: revoked in the dashboard. */
  chooseRemoteKey?: ChooseRemoteKey;
}

/** The secret of `ref` as found in the pasted text, else null when the text does not hold it. */
function secretFromPaste(doc: VaultDocument, text: string, keyId: string): string | null {
  return findLeakCandidates(doc, text).find((c) => c.match?.record.id === keyId)?.secret ?? null;
}

/**
 * Revokes a key now — by API or guided — proves it dead (401) and marks it revoked. The secret
 * is taken from the pasted text when given, else read from the keychain.
 */
export async function emergencyRevoke(deps: CorePorts, ref: string, options: EmergencyRevokeOptions): Promise<RevokeOutcome & { ref: string }> {
  const doc = deps.metadata.read();
  const { record, instance } = findKey(doc, ref);
  const shownRef = keyRef(instance, record);
  if (record.status === 'revoked') fail('emergency.already-revoked', { ref: shownRef });
  let secret: string | null;
  if (options.leakedText !== undefined) {
    secret = secretFromPaste(doc, options.leakedText, record.id);
    if (secret === null) fail('emergency.paste-lacks-key', { field: 'leaked', ref: shownRef });
  } else {
    secret = await deps.secrets.get(deps.keychainService, record.id);
    if (secret === null) fail('emergency.no-secret', { ref: shownRef });
  }
  // A resume only checks: nothing is sent to the provider, so there is nothing to confirm.
  if (!options.resume && instance.env === 'production' && options.confirmProduction && !(await options.confirmProduction(instance.name))) {
    fail('emergency.production-not-confirmed', { field: 'confirmName', instance: instance.name });
  }
  const profile = resolveProfile(instance.provider, doc.customProviders);
  if (options.remoteId !== undefined && !profile.keyApi) throw noKeyApi(profile.displayName);
  const keySecret = secret;
  const request = {
    profile,
    instance,
    record,
    secret,
    http: deps.http,
    clock: deps.clock,
    sleep: deps.sleep,
    waitMs: options.waitMs,
    showGuide: options.showGuide,
    remoteId: (api: KeyManagementApi) =>
      resolveRemoteId({
        api,
        secret: keySecret,
        record,
        doc,
        metadata: deps.metadata,
        question: { provider: profile.displayName, ref: shownRef, maskedKey: record.maskedKey },
        ...(options.remoteId !== undefined ? { chosenId: options.remoteId } : {}),
        ...(options.chooseRemoteKey ? { choose: options.chooseRemoteKey } : {}),
      }),
  };
  // The leaked key still works until revoked, so it can authorize its own revocation.
  const outcome = await revokeAndProve({ ...request, apiAuth: secret, checkOnly: options.resume === true });
  if (outcome.proven) {
    await deps.metadata.update((current) => ({
      doc: { ...current, keys: current.keys.map((k) => (k.id === record.id ? { ...k, status: 'revoked', ...(outcome.proof ? { lastVerification: outcome.proof } : {}) } : k)) },
      result: undefined,
    }));
    await deps.secrets.delete(deps.keychainService, record.id).catch(() => false);
  }
  // The revocation has happened: the sink never throws, so a full disk cannot make it look failed.
  deps.audit.append({ action: 'emergency.revoke', keyId: record.id, maskedKey: record.maskedKey, outcome: outcome.proven ? 'ok' : 'failed', detail: outcome.detail });
  return { ...outcome, ref: shownRef };
}
