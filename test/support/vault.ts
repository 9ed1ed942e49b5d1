import { createHttpClient } from '../../electron/core/node/http/undici-client.js';
import type { HttpClient } from '../../electron/core/http/types.js';
import type { Clock } from '../../electron/core/ports/clock.js';
import type { CollectingLogger } from '../../electron/core/ports/logger.js';
import type { SecretStore } from '../../electron/core/ports/secret-store.js';
import type { MetadataStore } from '../../electron/core/store/metadata-store.js';
import type { AuditWriter } from '../../electron/core/ports/audit-sink.js';
import { Vault } from '../../electron/core/node/vault/vault.js';
import { testPorts } from './core-ports.js';
import { privateKeychain } from './private-keychain.js';

export interface TestVault {
  vault: Vault;
  service: string;
  http: HttpClient;
  /** What the vault warned of (an audit entry not written, a corrupt file moved aside). */
  logger: CollectingLogger;
}

/**
 * A vault over the real metadata store and a keychain (the private test keychain unless `keychain`
 * says otherwise, e.g. a MemorySecretStore); any port can be swapped for a failing stand-in.
 */
export function openTestVault(
  home: string,
  overrides: { keychain?: SecretStore; secrets?: (real: SecretStore) => SecretStore; metadata?: (real: MetadataStore) => MetadataStore; clock?: Clock; http?: HttpClient; auditLog?: AuditWriter } = {},
): TestVault {
  const keychain = overrides.keychain ?? privateKeychain();
  const http = overrides.http ?? createHttpClient({ maxRetries: 1, baseDelayMs: 10 });
  const ports = testPorts(home, {
    secrets: overrides.secrets ? overrides.secrets(keychain) : keychain,
    http,
    ...(overrides.metadata ? { metadata: overrides.metadata } : {}),
    ...(overrides.clock ? { clock: overrides.clock } : {}),
    ...(overrides.auditLog ? { auditLog: overrides.auditLog } : {}),
  });
  return { vault: new Vault(ports), service: ports.keychainService, http, logger: ports.logger };
}
