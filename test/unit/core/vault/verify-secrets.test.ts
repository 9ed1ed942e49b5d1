import { describe, expect, it } from 'vitest';
import { KeychainLockedError, type SecretStore } from '../../../../electron/core/ports/secret-store.js';
import { BATCH_READ_FROM, verifySecretReader } from '../../../../electron/core/vault/verify-secrets.js';

/** An in-memory store that records how it was read. */
function recordingStore(secrets: Map<string, string>, options: { batch?: boolean; failBatchAt?: number } = {}) {
  const gets: string[] = [];
  const batches: string[][] = [];
  const store: SecretStore = {
    get: async (_service, account) => {
      gets.push(account);
      return secrets.get(account) ?? null;
    },
    set: async () => undefined,
    delete: async () => false,
  };
  if (options.batch !== false) {
    store.readMany = async (_service, accounts) => {
      batches.push([...accounts]);
      if (options.failBatchAt === batches.length) throw new KeychainLockedError();
      return new Map(accounts.map((account) => [account, secrets.get(account) ?? null]));
    };
  }
  return { store, gets, batches };
}

const accountsOf = (n: number) => Array.from({ length: n }, (_, i) => `key-${i}`);
const secretsOf = (accounts: string[]) => new Map(accounts.map((a) => [a, `secret-of-${a}`]));

describe('verifySecretReader', () => {
  it(`reads fewer than ${BATCH_READ_FROM} keys one by one, even where the store can batch`, async () => {
    const accounts = accountsOf(BATCH_READ_FROM - 1);
    const { store, gets, batches } = recordingStore(secretsOf(accounts));
    const read = verifySecretReader(store, 'svc', accounts);
    expect(await Promise.all(accounts.map(read))).toEqual(accounts.map((a) => `secret-of-${a}`));
    expect(batches).toEqual([]);
    expect(gets.sort()).toEqual([...accounts].sort());
  });

  it('reads a large batch through readMany in chunks, in the order asked, the first one small, each account once', async () => {
    const accounts = accountsOf(1_000);
    const stored = secretsOf(accounts.slice(0, 990)); // the last ten have no secret
    const { store, gets, batches } = recordingStore(stored);
    const read = verifySecretReader(store, 'svc', accounts);
    const got = await Promise.all(accounts.map(read));
    expect(got.slice(0, 990)).toEqual(accounts.slice(0, 990).map((a) => `secret-of-${a}`));
    expect(got.slice(990)).toEqual(Array(10).fill(null));
    expect(gets).toEqual([]);
    expect(batches.flat()).toEqual(accounts);
    expect(batches[0]?.length).toBeLessThan(50);
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.length).toBeLessThan(20);
  });

  it('a store without readMany is read key by key at any size', async () => {
    const accounts = accountsOf(100);
    const { store, gets } = recordingStore(secretsOf(accounts), { batch: false });
    const read = verifySecretReader(store, 'svc', accounts);
    expect(await Promise.all(accounts.map(read))).toEqual(accounts.map((a) => `secret-of-${a}`));
    expect(gets).toHaveLength(100);
  });

  it('after a failed chunk no further chunk is read, and every later read fails with that error', async () => {
    const accounts = accountsOf(1_000);
    const { store, batches } = recordingStore(secretsOf(accounts), { failBatchAt: 1 });
    const read = verifySecretReader(store, 'svc', accounts);
    const results = await Promise.allSettled(accounts.map(read));
    // The second chunk may have started beside the first; none after them.
    expect(batches.length).toBeLessThanOrEqual(2);
    const readBeside = new Set(batches[1] ?? []);
    const failed = results.filter((r, i) => !readBeside.has(accounts[i] as string));
    expect(failed.length).toBeGreaterThan(900);
    expect(failed.every((r) => r.status === 'rejected' && r.reason instanceof KeychainLockedError)).toBe(true);
  });
});
