import type * as DbusNextModule from 'dbus-next';
import { z } from 'zod';
import { KeychainLockedError, KeychainUnavailableError, type KeychainError } from '../../ports/secret-store.js';
import { keychainFailure } from '../../keychain/keychain-failure.js';
import { SecretServiceUnreachable } from '../../keychain/secret-service-unreachable.js';

type DbusNext = typeof DbusNextModule;
type Bus = ReturnType<DbusNext['sessionBus']>;

const SECRETS = 'org.freedesktop.secrets';
const SERVICE_PATH = '/org/freedesktop/secrets';
const SERVICE_IFACE = 'org.freedesktop.Secret.Service';
/**
 * keytar (libsecret) stores every item with this schema name as `xdg:schema`, and its lookups match
 * on it: items another program filed under the same service and account with another schema are not
 * keytar's, and keytar would not read them either.
 */
const KEYTAR_SCHEMA = 'org.freedesktop.Secret.Generic';


/**
 * Reads many secrets of one keytar service over one D-Bus connection instead of one libsecret call
 * (several round trips) per key: a SearchItems per account, all sent at once, then one GetSecrets for
 * all the items found, over a plain session (the bus is local and the
 * values stay in this process's memory, as with keytar). keytar's own `findCredentials` is slower than
 * per-key reads, because libsecret fetches the items one by one.
 *
 * Answers exactly as KeytarSecretStore.get would for each account: the secret, or null when no item
 * exists; an account whose only items are locked throws KeychainLockedError; a
 * Secret Service that answers with an error throws the typed keychain failure. When no connection can
 * be made (no session bus address; an abstract socket, `unix:abstract=…`, which dbus-next opens only
 * through an optional native module Keyturn does not install), it throws
 * SecretServiceUnreachable so that the caller reads key by key and fails with the per-key wording.
 */
export async function readSecretsOverDbus(
  service: string,
  accounts: readonly string[],
  { busAddress = process.env.DBUS_SESSION_BUS_ADDRESS, timeoutMs = 10_000 }: { busAddress?: string; timeoutMs?: number } = {},
): Promise<Map<string, string | null>> {
  if (!busAddress) throw new SecretServiceUnreachable('no DBUS_SESSION_BUS_ADDRESS');
  const dbus = await loadDbusNext();
  let bus: Bus;
  try {
    bus = dbus.sessionBus({ busAddress });
  } catch (error) {
    throw new SecretServiceUnreachable(firstLine(error));
  }
  let connected = false;
  // Connection and stream failures come as events, and calls already sent then never settle.
  let failTransport: (error: KeychainError | SecretServiceUnreachable) => void = () => undefined;
  const transportFailed = new Promise<never>((_, reject) => (failTransport = reject));
  transportFailed.catch(() => undefined);
  bus.on('connect', () => (connected = true));
  bus.on('error', (error: unknown) => failTransport(connected ? new KeychainUnavailableError(`the D-Bus connection to the Secret Service failed: ${firstLine(error)}`) : new SecretServiceUnreachable(firstLine(error))));
  const timer = setTimeout(() => failTransport(new KeychainUnavailableError(`the Secret Service did not answer within ${timeoutMs / 1000} s`)), timeoutMs);

  const call = async (path: string, iface: string, member: string, signature: string, body: unknown[]): Promise<unknown[]> => {
    const message = new dbus.Message({ destination: SECRETS, path, interface: iface, member, signature, body });
    try {
      const reply = await Promise.race([bus.call(message), transportFailed]);
      return reply?.body ?? [];
    } catch (error) {
      if (error instanceof KeychainUnavailableError || error instanceof SecretServiceUnreachable) throw error;
      // A D-Bus error reply: the daemon's own words, as libsecret passes them to keytar.
      throw keychainFailure(dbusErrorText(error));
    }
  };

  try {
    // One search per account, all sent at once on this connection: it costs what the batch holds,
    // not what the service holds (a service's every item would need its attributes read to map
    // item paths to accounts), and it tells locked items apart account by account, as get does.
    const searches = await Promise.all(
      accounts.map(async (account) => parseReply(SearchReply, await call(SERVICE_PATH, SERVICE_IFACE, 'SearchItems', 'a{ss}', [{ service, account, 'xdg:schema': KEYTAR_SCHEMA }]))),
    );
    const result = new Map<string, string | null>();
    const pathOf = new Map<string, string>();
    accounts.forEach((account, i) => {
      const [unlocked, locked] = searches[i] as [string[], string[]];
      result.set(account, null);
      // The first unlocked match, as a libsecret lookup returns; only locked ones: libsecret reads
      // "no such item", and the per-key path says "locked", and so does this.
      if (unlocked[0] !== undefined) pathOf.set(account, unlocked[0]);
      else if (locked.length > 0) throw new KeychainLockedError();
    });
    if (pathOf.size === 0) return result;

    const [, sessionPath] = parseReply(OpenSessionReply, await call(SERVICE_PATH, SERVICE_IFACE, 'OpenSession', 'sv', ['plain', new dbus.Variant('s', '')]));
    try {
      const [secrets] = parseReply(GetSecretsReply, await call(SERVICE_PATH, SERVICE_IFACE, 'GetSecrets', 'aoo', [[...pathOf.values()], sessionPath]));
      for (const [account, path] of pathOf) {
        const value = secrets[path]?.[2];
        // An item listed by the search but not returned was deleted in between: no secret, as get would say.
        result.set(account, value === undefined ? null : value.toString('utf8'));
      }
    } finally {
      await call(sessionPath, 'org.freedesktop.Secret.Session', 'Close', '', []).catch(() => undefined);
    }
    return result;
  } finally {
    clearTimeout(timer);
    bus.disconnect();
  }
}

// The shapes of the Secret Service's replies (dbus-next: `ay` as Buffer, `v` as { signature, value }).
const SearchReply = z.tuple([z.array(z.string()), z.array(z.string())]);
const OpenSessionReply = z.tuple([z.unknown(), z.string()]);
const GetSecretsReply = z.tuple([z.record(z.string(), z.tuple([z.string(), z.instanceof(Buffer), z.instanceof(Buffer), z.string()]))]);

/** A reply of another shape is not trusted; the error names the call, never the reply (it may hold secrets). */
function parseReply<T>(schema: z.ZodType<T>, body: unknown[]): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new KeychainUnavailableError('the Secret Service answered in a form Keyturn does not know');
  return parsed.data;
}

/** dbus-next on demand: only a batch read loads it (a single `key get` never does). */
async function loadDbusNext(): Promise<DbusNext> {
  try {
    const loaded: DbusNext & { default?: DbusNext } = await import('dbus-next');
    // A CommonJS module: node hands it over as `default`, a bundle as the namespace too.
    return loaded.default ?? loaded;
  } catch (error) {
    throw new SecretServiceUnreachable(firstLine(error));
  }
}

function dbusErrorText(error: unknown): string {
  if (error && typeof error === 'object' && 'text' in error && typeof error.text === 'string') return error.text;
  return firstLine(error);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
