import { randomUUID } from 'node:crypto';
import { FileAuditLog } from '../core/audit/audit-log.js';
import { keychainAuditHead } from '../core/audit/keychain-head.js';
import { createHttpClient } from '../core/http/undici-client.js';
import type { HttpClient } from '../core/http/types.js';
import type { Clock } from '../core/ports/clock.js';
import type { SecretStore } from '../core/ports/secret-store.js';
import { RotationEngine } from '../core/rotation/engine.js';
import { realSleep, type Sleep } from '../core/rotation/poll.js';
import { ConfMetadataStore } from '../core/store/conf-metadata-store.js';
import { FileRotationLocks } from '../core/store/file-rotation-locks.js';
import { ensureVaultIdentity, keychainServiceFor } from '../core/store/home.js';
import type { MetadataStore } from '../core/store/metadata-store.js';
import { Vault } from '../core/vault/vault.js';

/** The real parts a UI host runs on: one vault home, its keychain service, HTTP, the clock. */
export interface AppCore {
  home: string;
  metadata: MetadataStore;
  secrets: SecretStore;
  keychainService: string;
  http: HttpClient;
  clock: Clock;
  sleep: Sleep;
  audit: FileAuditLog;
  vault: Vault;
  rotations: RotationEngine;
  /** Work to finish before the core closes (rotations this host runs let go of their lock). */
  beforeClose(task: () => Promise<void>): void;
  close(): Promise<void>;
}

/** `host` names this Keyturn to another process that finds one of its rotations running ("the desktop app"). */
export function openAppCore(home: string, secrets: SecretStore, clock: Clock = { now: () => new Date() }, host = 'the Keyturn app'): AppCore {
  const vaultId = ensureVaultIdentity(home);
  const keychainService = keychainServiceFor(vaultId);
  const metadata = new ConfMetadataStore(home, { vaultId });
  const http = createHttpClient();
  const audit = new FileAuditLog(home, { now: () => clock.now(), head: keychainAuditHead(secrets, keychainService) });
  const ports = { metadata, secrets, keychainService, http, clock, sleep: realSleep, audit };
  const closing: (() => Promise<void>)[] = [];
  return {
    home,
    ...ports,
    vault: new Vault({ metadata, secrets, keychainService, http, clock, audit }),
    rotations: new RotationEngine({ ...ports, newId: randomUUID, locks: new FileRotationLocks(home, { host }) }),
    beforeClose: (task) => void closing.push(task),
    close: async () => {
      for (const task of closing.splice(0)) await task();
      await audit.flush();
      await http.close();
    },
  };
}
