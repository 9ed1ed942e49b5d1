import keytar from 'keytar';
import { KeychainLockedError, KeychainUnavailableError, type SecretStore } from '../ports/secret-store.js';
import { searchSecretService, servicesHoldingAccount, type ItemPresence } from './secret-service-search.js';

type Search = (attributes: Record<string, string>) => Promise<{ presence: ItemPresence; detail: string }>;

/**
 * The OS keychain (Secret Service, macOS Keychain, Windows Credential Vault) through keytar.
 *
 * keytar does not say "locked": on Linux (libsecret) a read or delete of an item in a locked
 * collection answers exactly as for a missing item (null / false), and only a write throws. So on
 * Linux every "nothing there" answer is checked with the Secret Service's own search, which lists
 * locked items apart. On macOS and Windows keytar throws on a locked keychain (macOS: "User
 * interaction is not allowed"), so there a null is a real "not found" and only the error is mapped.
 */
export class KeytarSecretStore implements SecretStore {
  readonly #search: Search | null;

  constructor(options: { platform?: NodeJS.Platform; search?: Search } = {}) {
    this.#search = (options.platform ?? process.platform) === 'linux' ? (options.search ?? searchSecretService) : null;
  }

  async get(service: string, account: string): Promise<string | null> {
    const secret = await keytar.getPassword(service, account).catch(rethrowTyped);
    if (secret === null) await this.#confirmAbsent(service, account);
    return secret;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await keytar.setPassword(service, account, secret).catch(rethrowTyped);
  }

  async delete(service: string, account: string): Promise<boolean> {
    const deleted = await keytar.deletePassword(service, account).catch(rethrowTyped);
    if (!deleted) await this.#confirmAbsent(service, account);
    return deleted;
  }

  /**
   * The keychain services that hold an item for this account (Linux: the Secret Service can search
   * by account alone; keytar, macOS and Windows need the service). null when it cannot be asked.
   */
  async servicesHolding(account: string): Promise<string[] | null> {
    if (!this.#search) return null;
    const services = await servicesHoldingAccount(account);
    if (services === 'locked') throw new KeychainLockedError();
    return services;
  }

  /** Throws unless the keychain positively holds no such item (see the class comment). */
  async #confirmAbsent(service: string, account: string): Promise<void> {
    if (!this.#search) return;
    const { presence, detail } = await this.#search({ service, account });
    if (presence === 'locked') throw new KeychainLockedError();
    // Without dbus-send there is no way to ask (keytar has no such call): keep keytar's answer rather
    // than make every missing item an error. Every D-Bus install ships dbus-send (Debian: dbus-bin).
    if (presence === 'no-tool') return;
    // keytar found nothing yet the search sees an unlocked item, or the search could not run: no certain answer.
    if (presence === 'unknown') throw new KeychainUnavailableError(`could not ask the Secret Service whether the item exists: ${detail}`);
    if (presence === 'unlocked') throw new KeychainUnavailableError('the Secret Service lists the item but would not return it');
  }
}

function rethrowTyped(error: unknown): never {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  // libsecret: "Cannot create an item in a locked collection"; macOS: "User interaction is not allowed."
  if (/locked|interaction is not allowed/i.test(message)) throw new KeychainLockedError();
  throw new KeychainUnavailableError(message || 'unknown error');
}
