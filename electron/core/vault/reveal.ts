import type { AuditEvent } from '../ports/audit-sink.js';
import { fail } from '../domain/problems/problem-error.js';
import type { Instance, KeyRecord, VaultDocument } from '../domain/model.js';
import { KeychainError, type SecretStore } from '../ports/secret-store.js';
import { findKey, keyRef } from './refs.js';
import { describeKeychainError } from './secret-write.js';

/*
 * Revealing one stored secret, apart from the Vault: the Vault's revealSecret is this, and
 * `keyturn key get` runs it without loading the rest of the vault (providers, rotation, targets).
 */

export type RevealAction = 'key.reveal' | 'key.copy' | 'key.get' | 'key.run';

export interface RevealDeps {
  /** Enough of the document to find the key `ref` names. */
  readForKey(ref: string): VaultDocument | Promise<VaultDocument>;
  secrets: SecretStore;
  keychainService: string;
  /** Records the reveal; never throws (a failed audit write is a warning, the reveal itself was done). */
  audit(event: AuditEvent): void;
}

/** The stored secret of one key, audited (the masked key only, never the secret). */
export async function revealSecret(deps: RevealDeps, ref: string, action: RevealAction): Promise<string> {
  const { record, instance } = findKey(await deps.readForKey(ref), ref);
  const secret = await readStoredSecret(deps.secrets, deps.keychainService, record, instance);
  deps.audit({ action, keyId: record.id, maskedKey: record.maskedKey, outcome: 'ok' });
  return secret;
}

/** A key's secret from the keychain; a failure or an absent secret is a problem that says which. */
export async function readStoredSecret(secrets: SecretStore, keychainService: string, record: KeyRecord, instance: Instance): Promise<string> {
  let secret: string | null;
  try {
    secret = await secrets.get(keychainService, record.id);
  } catch (error) {
    // A locked or absent keychain says so and how to fix it: it is never "the secret was removed".
    if (error instanceof KeychainError) throw error;
    fail('keychain.read-failed', { detail: describeKeychainError(error) }, { cause: error });
  }
  if (secret === null) {
    fail('key.secret-missing', { ref: keyRef(instance, record) });
  }
  return secret;
}
