import type { Environment, Instance, KeyRecord, VaultDocument } from '../domain/model.js';
import type { ParamsOf } from '../domain/problems/catalogue.js';
import { fail, isProblem } from '../domain/problems/problem-error.js';
import { KeychainError, type SecretStore } from '../ports/secret-store.js';
import { findKey, keyRef } from '../vault/refs.js';
import { readStoredSecret } from '../vault/reveal.js';
import { lookupOf, parseReference, type ParsedReference } from './reference.js';

/** Where a reference is used, for the problems that name it (see problems/reference.ts). */
export type ReferenceUse = Pick<ParamsOf<'reference.malformed'>, 'variable' | 'source' | 'file' | 'line'>;

/** A reference's key, found in the vault and fit to hand out. */
export interface ResolvedReference {
  reference: string;
  parsed: ParsedReference;
  record: KeyRecord;
  instance: Instance;
  /** The key's ref (`PROVIDER/ORG/INSTANCE/NAME`) now. */
  ref: string;
}

/** An environment that was declared for a run or a render, and by whom. */
export interface DeclaredEnvironment {
  environment: Environment;
  by: 'option' | 'file';
  file?: string;
  line?: number;
}

/** Only an active key is handed out: anything else either fails at the provider or is not proven yet. */
const UNUSABLE = { revoked: 'revoked', expired: 'expired', previous: 'previous', pending: 'pending' } as const;

/**
 * The key a reference names, as the vault has it now: metadata only, never the keychain. A
 * reference by name finds whichever key holds the name (the new one after a rotation); one by id
 * finds that key only. Refused, naming the use: malformed, nothing by that name or id, a key that
 * is not active.
 */
export function resolveReference(doc: VaultDocument, reference: string, use: ReferenceUse = {}): ResolvedReference {
  let parsed: ParsedReference;
  try {
    parsed = parseReference(reference);
  } catch (error) {
    if (isProblem(error, 'reference.malformed')) fail('reference.malformed', { ...error.problem, ...use });
    throw error;
  }
  let found: { record: KeyRecord; instance: Instance };
  try {
    found = findKey(doc, lookupOf(parsed));
  } catch (error) {
    const missing = isProblem(error, 'instance.not-found') ? 'instance' : isProblem(error, 'key.not-found') ? 'key' : isProblem(error, 'key.not-found-by-id') ? 'id' : null;
    if (missing) fail('reference.key-missing', { field: 'ref', reference, missing, ...use });
    throw error;
  }
  const { record, instance } = found;
  const status = record.status === 'active' ? null : UNUSABLE[record.status];
  if (status) {
    const successor = record.replacedBy ? doc.keys.find((k) => k.id === record.replacedBy && k.status === 'active') : undefined;
    const successorInstance = successor ? doc.instances.find((i) => i.id === successor.instanceId) : undefined;
    fail('reference.key-unusable', {
      field: 'ref',
      reference,
      status,
      ...(successor && successorInstance ? { replacedBy: keyRef(successorInstance, successor) } : {}),
      ...use,
    });
  }
  return { reference, parsed, record, instance, ref: keyRef(instance, record) };
}

/** The environment guard: a production key where sandbox was declared is refused, and the reverse. */
export function guardEnvironment(resolved: ResolvedReference, declared: DeclaredEnvironment | null, use: ReferenceUse = {}): void {
  if (!declared || declared.environment === resolved.instance.env) return;
  fail('reference.environment-mismatch', {
    field: 'env',
    reference: resolved.reference,
    keyEnvironment: resolved.instance.env,
    declared: declared.environment,
    declaredBy: declared.by,
    ...(declared.file ? { declarationFile: declared.file } : {}),
    ...(declared.line ? { declarationLine: declared.line } : {}),
    ...use,
  });
}

/** A resolved reference's secret from the keychain; a keychain that cannot answer names the use. */
export async function readReferencedSecret(secrets: SecretStore, keychainService: string, resolved: ResolvedReference, use: ReferenceUse = {}): Promise<string> {
  try {
    return await readStoredSecret(secrets, keychainService, resolved.record, resolved.instance);
  } catch (error) {
    const reason =
      error instanceof KeychainError
        ? error.problem.code === 'keychain.locked'
          ? 'locked'
          : 'unavailable'
        : isProblem(error, 'key.secret-missing')
          ? 'secret-missing'
          : isProblem(error, 'keychain.read-failed')
            ? 'read-failed'
            : null;
    if (!reason) throw error;
    const detail = error instanceof KeychainError && error.problem.code === 'keychain.unavailable' ? { detail: error.problem.cause } : {};
    fail('reference.secret-unreadable', { reference: resolved.reference, keyRef: resolved.ref, reason, ...detail, ...use }, { cause: error });
  }
}
