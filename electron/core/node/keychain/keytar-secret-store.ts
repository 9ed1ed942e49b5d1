import keytar from 'keytar';
import { KeychainLockedError, KeychainUnavailableError, type SecretStore } from '../../ports/secret-store.js';
import pLimit from 'p-limit';
import { keychainFailure } from '../../keychain/keychain-failure.js';
import { SecretServiceUnreachable } from '../../keychain/secret-service-unreachable.js';
import { searchSecretService, servicesHoldingAccount, type ItemPresence } from './secret-service-search.js';

type Search = (attributes: Record<string, string>) => Promise<{ presence: ItemPresence; detail: string }>;
type BatchRead = (service: string, accounts: readonly string[]) => Promise<Map<string, string | null>>;

/** keytar runs on libuv's thread pool (4 threads); more reads at once only queue there. */
const KEYTAR_READS_AT_ONCE = 4;

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
  readonly #batchRead: BatchRead | null;

  constructor(options: { platform?: NodeJS.Platform; search?: Search; batchRead?: BatchRead } = {}) {
    const linux = (options.platform ?? process.platform) === 'linux';
    this.#search = linux ? (options.search ?? searchSecretService) : null;
    this.#batchRead = linux ? (options.batchRead ?? readBatchOverDbus) : null;
  }

  async get(service: string, account: string): Promise<string | null> {
    const secret = await keytar.getPassword(service, account).catch(rethrowTyped);
    if (secret === null) await this.#confirmAbsent(service, account);
    return secret;
  }

  /**
   * On Linux the whole batch in a few Secret Service round trips (see secret-service-batch.ts);
   * elsewhere, or where no D-Bus connection can be opened, one get per account, a few at a time, so
   * the answers and failures are get's own.
   */
  async readMany(service: string, accounts: readonly string[]): Promise<Map<string, string | null>> {
    if (this.#batchRead) {
      try {
        return await this.#batchRead(service, accounts);
      } catch (error) {
        if (!(error instanceof SecretServiceUnreachable)) throw error;
      }
    }
    const slot = pLimit(KEYTAR_READS_AT_ONCE);
    const secrets = await Promise.all(accounts.map((account) => slot(() => this.get(service, account))));
    return new Map(accounts.map((account, i) => [account, secrets[i] ?? null]));
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

  /**
   * Throws unless the keychain positively holds no such item (see the class comment). On Linux
   * keytar's "not found" is trusted only once the Secret Service confirmed it: without dbus-send
   * (keytar has no search call) or when the search fails, a locked keychain cannot be told from a
   * missing secret, and taking it for missing would let `key remove` drop a record whose secret is
   * still there.
   */
  async #confirmAbsent(service: string, account: string): Promise<void> {
    if (!this.#search) return;
    const { presence, detail } = await this.#search({ service, account });
    if (presence === 'absent') return;
    if (presence === 'locked') throw new KeychainLockedError();
    if (presence === 'no-tool') {
      throw new KeychainUnavailableError(
        'Keyturn cannot tell a locked keychain from a missing secret here: dbus-send, which asks the Secret Service, is not installed',
        'install-dbus-send',
      );
    }
    if (presence === 'unknown') {
      throw new KeychainUnavailableError(`Keyturn cannot tell a locked keychain from a missing secret here: the Secret Service search through dbus-send failed (${detail})`);
    }
    // keytar found nothing yet the search sees an unlocked item: no certain answer.
    throw new KeychainUnavailableError('the Secret Service lists the item but would not return it');
  }
}

function rethrowTyped(error: unknown): never {
  throw keychainFailure(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
}

/** The D-Bus reader is loaded with its first batch: a single get never loads dbus-next. */
async function readBatchOverDbus(service: string, accounts: readonly string[]): Promise<Map<string, string | null>> {
  const { readSecretsOverDbus } = await import('./secret-service-batch.js');
  return readSecretsOverDbus(service, accounts);
}
