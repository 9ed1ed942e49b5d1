/**
 * Where secrets live: the OS keychain in the app, CLI and keychain tests.
 * One service per vault; the account is the key record's id.
 */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** Returns false when there was nothing to delete. */
  delete(service: string, account: string): Promise<boolean>;
}
