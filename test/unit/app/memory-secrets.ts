import type { SecretStore } from '../../../electron/core/ports/secret-store.js';

/**
 * A secret store held in a Map, for app tests that need no real keychain (as the vault's unit
 * tests stand one in); `entries` shows what was stored.
 */
export function memorySecrets(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const id = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    entries,
    get: async (service, account) => entries.get(id(service, account)) ?? null,
    set: async (service, account, secret) => void entries.set(id(service, account), secret),
    delete: async (service, account) => entries.delete(id(service, account)),
  };
}
