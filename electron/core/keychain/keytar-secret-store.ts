import keytar from 'keytar';
import type { SecretStore } from '../ports/secret-store.js';

/** The OS keychain (Secret Service, macOS Keychain, Windows Credential Vault) through keytar. */
export class KeytarSecretStore implements SecretStore {
  get(service: string, account: string): Promise<string | null> {
    return keytar.getPassword(service, account);
  }

  set(service: string, account: string, secret: string): Promise<void> {
    return keytar.setPassword(service, account, secret);
  }

  delete(service: string, account: string): Promise<boolean> {
    return keytar.deletePassword(service, account);
  }
}
