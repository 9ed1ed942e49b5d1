import { randomUUID } from 'node:crypto';
import { FileAuditLog } from '../../electron/core/audit/audit-log.js';
import type { HttpClient } from '../../electron/core/http/types.js';
import type { RotationDeps } from '../../electron/core/rotation/context.js';
import { RotationEngine } from '../../electron/core/rotation/engine.js';
import { ConfMetadataStore } from '../../electron/core/store/conf-metadata-store.js';
import { FileRotationLocks } from '../../electron/core/store/file-rotation-locks.js';
import { ensureVaultIdentity, keychainServiceFor } from '../../electron/core/store/home.js';
import { privateKeychain } from './private-keychain.js';

/**
 * The real rotation engine over a vault home, composed as the hosts compose it (real metadata
 * store, keychain, audit log and locks), with no waiting between polls; a test hands in the HTTP
 * client and whatever else it needs to differ.
 */
export function rotationEngineFor(home: string, http: HttpClient, host: string, overrides: Partial<RotationDeps> = {}): RotationEngine {
  return new RotationEngine({
    metadata: new ConfMetadataStore(home),
    secrets: privateKeychain(),
    keychainService: keychainServiceFor(ensureVaultIdentity(home)),
    http,
    clock: { now: () => new Date() },
    sleep: async () => undefined,
    audit: new FileAuditLog(home),
    newId: randomUUID,
    locks: new FileRotationLocks(home, { host }),
    ...overrides,
  });
}
