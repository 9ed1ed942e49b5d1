import { ProblemError, fail, isProblem } from '../domain/problems/problem-error.js';
import { KeychainError, type SecretStore } from '../ports/secret-store.js';

/** Keychain errors carry no secrets, but keep only their first line. */
export function describeKeychainError(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : 'unknown error';
}

/** Writes a secret, reads it back and compares; on any failure removes what it wrote. */
export async function storeSecretVerified(secrets: SecretStore, service: string, id: string, secret: string): Promise<void> {
  try {
    await secrets.set(service, id, secret);
    const back = await secrets.get(service, id);
    if (back !== secret) fail('keychain.write-mismatch', {});
  } catch (error) {
    await secrets.delete(service, id).catch(() => false);
    // A locked or unreachable keychain says so and how to fix it; a read-back that differs says that.
    if (error instanceof KeychainError || isProblem(error, 'keychain.write-mismatch')) throw error;
    throw new ProblemError({ code: 'keychain.write-failed', detail: describeKeychainError(error) }, { cause: error });
  }
}
