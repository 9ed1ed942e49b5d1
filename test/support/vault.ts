import { createHttpClient } from '../../electron/core/http/undici-client.js';
import type { HttpClient } from '../../electron/core/http/types.js';
import type { Clock } from '../../electron/core/ports/clock.js';
import type { SecretStore } from '../../electron/core/ports/secret-store.js';
import { ConfMetadataStore } from '../../electron/core/store/conf-metadata-store.js';
import type { MetadataStore } from '../../electron/core/store/metadata-store.js';
import { ensureVaultIdentity, keychainServiceFor } from '../../electron/core/store/home.js';
import { Vault } from '../../electron/core/vault/vault.js';
import { privateKeychain } from './private-keychain.js';

export interface TestVault {
  vault: Vault;
  service: string;
  http: HttpClient;
}

/** A vault over the real keychain and metadata store; any port can be swapped for a failing stand-in. */
export function openTestVault(
  home: string,
  overrides: { secrets?: (real: SecretStore) => SecretStore; metadata?: (real: MetadataStore) => MetadataStore; clock?: Clock; http?: HttpClient } = {},
): TestVault {
  const vaultId = ensureVaultIdentity(home);
  const service = keychainServiceFor(vaultId);
  const realSecrets = privateKeychain();
  const realMetadata = new ConfMetadataStore(home, { vaultId });
  const http = overrides.http ?? createHttpClient({ maxRetries: 1, baseDelayMs: 10 });
  const vault = new Vault({
    metadata: overrides.metadata ? overrides.metadata(realMetadata) : realMetadata,
    secrets: overrides.secrets ? overrides.secrets(realSecrets) : realSecrets,
    keychainService: service,
    http,
    clock: overrides.clock ?? { now: () => new Date() },
  });
  return { vault, service, http };
}
