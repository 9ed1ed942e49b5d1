import { randomUUID } from 'node:crypto';
import { FileAuditLog } from '../core/audit/audit-log.js';
import { keychainAuditHead } from '../core/audit/keychain-head.js';
import { lazyHttpClient } from '../core/http/lazy-client.js';
import { KeytarSecretStore } from '../core/keychain/keytar-secret-store.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import { RotationEngine } from '../core/rotation/engine.js';
import { realSleep, type Sleep } from '../core/rotation/poll.js';
import type { HttpClient } from '../core/http/types.js';
import { ConfMetadataStore, describeVaultDamage } from '../core/store/conf-metadata-store.js';
import { FileRotationLocks } from '../core/store/file-rotation-locks.js';
import { ensureVaultIdentity, keychainServiceFor, resolveHome } from '../core/store/home.js';
import { Vault } from '../core/vault/vault.js';
import type { CliIo } from './io.js';

/** The real parts, for commands that need more than the vault (rotation, emergency revoke). */
export interface CorePorts {
  metadata: ConfMetadataStore;
  secrets: KeytarSecretStore;
  keychainService: string;
  http: HttpClient;
  clock: Clock;
  sleep: Sleep;
  audit: FileAuditLog;
}

interface Opened {
  core: CorePorts;
  vault: Vault;
  rotations: RotationEngine;
  close: () => Promise<void>;
}

/** The composition root of the terminal: real keychain, real metadata store, real HTTP. */
export interface CliContext {
  io: CliIo;
  clock: Clock;
  /** Set by a command that finished but must report failure (a key that did not verify). */
  exitCode: number;
  vault(): Vault;
  rotations(): RotationEngine;
  core(): CorePorts;
  /** Warnings the store raised (a corrupt file moved aside), for the user once at the end. */
  warnings(): readonly string[];
  /** The damage report of vault.json when parts of it could not be read (null when none, or never opened). */
  damage(): string | null;
  /** The vault home and keychain without opening the vault: for recovering a vault that cannot be opened. */
  unopened(): { home: string; secrets: KeytarSecretStore };
  close(): Promise<void>;
}

export function createCliContext(io: CliIo, getHome: () => string | undefined): CliContext {
  let opened: Opened | null = null;
  const open = (): Opened => {
    if (opened) return opened;
    const home = resolveHome(getHome(), io.env);
    const vaultId = ensureVaultIdentity(home);
    const keychainService = keychainServiceFor(vaultId);
    const http = lazyHttpClient(async () => (await import('../core/http/undici-client.js')).createHttpClient());
    const secrets = new KeytarSecretStore();
    const auditHead = keychainAuditHead(secrets, keychainService);
    // Every change is audited, and the audit log's newest hash goes to the keychain: the keychain
    // must answer (reading that hash) before anything is written, or a command would half-succeed.
    const metadata = new ConfMetadataStore(home, { vaultId, beforeWrite: async () => void (await auditHead.read()) });
    const audit = new FileAuditLog(home, { head: auditHead });
    const core: CorePorts = { metadata, secrets, keychainService, http, clock: systemClock, sleep: realSleep, audit };
    opened = {
      core,
      vault: new Vault({ metadata, secrets, keychainService, http, clock: systemClock, audit }),
      rotations: new RotationEngine({ ...core, newId: randomUUID, locks: new FileRotationLocks(home, { host: 'the keyturn CLI' }) }),
      close: async () => {
        // The audit log's newest hash must reach the keychain before the process ends.
        await audit.flush();
        await http.close();
      },
    };
    return opened;
  };
  return {
    io,
    clock: systemClock,
    exitCode: 0,
    vault: () => open().vault,
    rotations: () => open().rotations,
    core: () => open().core,
    warnings: () => opened?.vault.warnings ?? [],
    damage: () => {
      const metadata = opened?.core.metadata;
      if (!metadata) return null;
      let lines: readonly string[];
      try {
        lines = metadata.damage();
      } catch {
        return null; // the read failed, and the command already said why
      }
      return lines.length > 0 ? describeVaultDamage(metadata, lines) : null;
    },
    unopened: () => ({ home: resolveHome(getHome(), io.env), secrets: new KeytarSecretStore() }),
    async close() {
      await opened?.close();
    },
  };
}
