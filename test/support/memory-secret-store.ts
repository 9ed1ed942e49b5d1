import { KeychainLockedError, KeychainUnavailableError, type SecretStore } from '../../electron/core/ports/secret-store.js';

/**
 * The SecretStore port in memory, for unit tests of the vault and the rotation engine that need no
 * real keychain. It keeps the port's contract: null and false mean only "there is none", and a
 * keychain that cannot answer throws the port's own errors (lock() and makeUnavailable() make it so).
 */
export class MemorySecretStore implements SecretStore {
  readonly #items = new Map<string, string>();
  #refusal: (() => Error) | null = null;

  async get(service: string, account: string): Promise<string | null> {
    this.#answerable();
    return this.#items.get(itemKey(service, account)) ?? null;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    this.#answerable();
    this.#items.set(itemKey(service, account), secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    this.#answerable();
    return this.#items.delete(itemKey(service, account));
  }

  async readMany(service: string, accounts: readonly string[]): Promise<Map<string, string | null>> {
    this.#answerable();
    return new Map(accounts.map((account) => [account, this.#items.get(itemKey(service, account)) ?? null]));
  }

  /** Every account of a service and its secret, as a test inspects the keychain. */
  entries(service: string): Record<string, string> {
    const prefix = itemKey(service, '');
    return Object.fromEntries([...this.#items].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  }

  /** From now on every call fails as a locked keychain does (KeychainLockedError), until unlock(). */
  lock(): void {
    this.#refusal = () => new KeychainLockedError();
  }

  /** From now on every call fails as an absent keychain does (KeychainUnavailableError), until unlock(). */
  makeUnavailable(cause = 'no Secret Service on the session bus'): void {
    this.#refusal = () => new KeychainUnavailableError(cause);
  }

  unlock(): void {
    this.#refusal = null;
  }

  #answerable(): void {
    if (this.#refusal) throw this.#refusal();
  }
}

function itemKey(service: string, account: string): string {
  return `${service}\u0000${account}`;
}
