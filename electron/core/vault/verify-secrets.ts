import pLimit from 'p-limit';
import type { SecretStore } from '../ports/secret-store.js';

/** keytar runs on libuv's thread pool (4 threads); more reads at once only queue there. */
const KEYCHAIN_READS_AT_ONCE = 4;
/**
 * From this many keys on, verify reads through the store's batch read where it has one: measured
 * (`npm run bench -- keychain`), a batch of 10 costs about what 10 reads key by key cost (its
 * connection and session are fixed costs), and from a few dozen on the batch is clearly cheaper.
 */
export const BATCH_READ_FROM = 20;
/**
 * A batch is read in chunks in the order the requests go out, so the first requests start after a
 * short read rather than after all of them; chunks grow to spread the fixed cost of each. Two chunk
 * reads at a time keep the keychain busy while one of them waits for its secrets.
 */
const FIRST_CHUNK = 24;
const LARGEST_CHUNK = 192;
const CHUNKS_AT_ONCE = 2;

/**
 * How verify gets each key's secret: a function of the account (key id), answering as
 * SecretStore.get does. `accounts` is the order the secrets will be asked for. After one failure,
 * no further keychain read starts: every later read fails with that first error.
 */
export function verifySecretReader(secrets: SecretStore, service: string, accounts: readonly string[]): (account: string) => Promise<string | null> {
  let failure: { error: unknown } | null = null;
  const remember = (error: unknown): never => {
    failure ??= { error };
    throw failure.error;
  };
  const readMany = secrets.readMany?.bind(secrets);
  if (!readMany || accounts.length < BATCH_READ_FROM) {
    const slot = pLimit(KEYCHAIN_READS_AT_ONCE);
    return (account) =>
      slot(() => {
        if (failure) throw failure.error;
        // Remembered before the slot frees, so the next read in the queue sees it.
        return secrets.get(service, account).catch(remember);
      });
  }
  const slot = pLimit(CHUNKS_AT_ONCE);
  const pending = new Map<string, Promise<Map<string, string | null>>>();
  for (let start = 0, size = FIRST_CHUNK; start < accounts.length; start += size, size = Math.min(size * 2, LARGEST_CHUNK)) {
    const chunk = accounts.slice(start, start + size);
    const read = slot(() => {
      if (failure) throw failure.error;
      return readMany(service, chunk).catch(remember);
    });
    // Each account's caller awaits it; this only keeps a chunk nobody asks for from being unhandled.
    read.catch(() => undefined);
    for (const account of chunk) pending.set(account, read);
  }
  return async (account) => {
    const read = pending.get(account);
    if (!read) return secrets.get(service, account);
    return (await read).get(account) ?? null;
  };
}
