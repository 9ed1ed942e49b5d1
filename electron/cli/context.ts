import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileAuditLog } from '../core/node/audit/audit-log.js';
import { keychainAuditHead } from '../core/audit/keychain-head.js';
import type { Problem } from '../core/domain/problems/catalogue.js';
import { KeytarSecretStore } from '../core/node/keychain/keytar-secret-store.js';
import type { Core } from '../core/node/open-core.js';
import { auditSink, type AuditEvent, type AuditSink } from '../core/ports/audit-sink.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import { CollectingLogger } from '../core/ports/logger.js';
import type { RotationEngine } from '../core/node/rotation/engine.js';
import type { HttpClient } from '../core/http/types.js';
import { readCheckedForKey, readCheckedForKeys } from '../core/node/store/checked-read.js';
import type { ConfMetadataStore } from '../core/node/store/conf-metadata-store.js';
import { ensureVaultIdentity, keychainServiceFor, resolveHome } from '../core/node/store/home.js';
import { staleTempFiles } from '../core/node/store/vault-files.js';
import { revealSecret, type RevealAction, type RevealDeps } from '../core/vault/reveal.js';
import type { Vault } from '../core/node/vault/vault.js';
import type { VaultDocument } from '../core/domain/model.js';
import type { TeamService } from '../core/team/team-service.js';
import type { CliIo } from './io.js';
import type * as MetadataPartsModule from './metadata-parts.js';
import type * as VaultPartsModule from './vault-parts.js';
import type * as TeamPartsModule from './team/team-parts.js';

/** The team inventory's part of the CLI (the PostgreSQL client among it): loaded only by a run that uses the team. */
export type TeamParts = typeof TeamPartsModule;

/**
 * The modules of vault-parts.ts, loaded by program.ts for the commands that use the whole vault,
 * and how to load the team's part (command-modules.ts), which they use only in a vault joined to a team.
 */
export type VaultParts = typeof VaultPartsModule & { loadTeam: () => Promise<TeamParts> };

/** The file in the vault home that says the vault is joined to a team (see team-connection.ts): looked at before any team code loads. */
const TEAM_CONNECTION_FILE = 'team.json';
type MetadataParts = typeof MetadataPartsModule;

/**
 * The ports every command that opens the vault shares, before any part of core is built: its
 * home, keychain and audit log. `key get` runs on these alone.
 */
interface Base {
  home: string;
  vaultId: string;
  keychainService: string;
  secrets: KeytarSecretStore;
  auditLog: FileAuditLog;
  audit: AuditSink;
  /** Asks the keychain for the audit head (the check before any write). */
  beforeWrite: () => Promise<void>;
}

/** What reading secrets by reference needs: reveal's ports, and their forms for many keys at once (`run`). */
export interface SecretAccess extends RevealDeps {
  /** One document in which each of these refs or key ids finds its key: one read of the file for them all. */
  readForKeys(refs: readonly string[]): Promise<VaultDocument>;
  /** Records several events as one append. */
  auditAll(events: readonly AuditEvent[]): void;
  /** The vault home: where a run leaves its lease (see consumer-leases.ts). */
  home: string;
}

/** The composition root of the terminal: real keychain, real metadata store, real HTTP. */
export interface CliContext {
  io: CliIo;
  clock: Clock;
  /** Set by a command that finished but must report failure (a key that did not verify). */
  exitCode: number;
  vault(): Vault;
  rotations(): RotationEngine;
  /** The whole core (openCore over the terminal's ports): for commands that need more than the vault. */
  core(): Core;
  /** The audit log file itself, for `log verify` and `log show`; core records through core().audit. */
  auditLog(): FileAuditLog;
  /** One key's secret, audited: the vault's revealSecret, without loading the vault when it is not loaded. */
  revealSecret(ref: string, action: RevealAction): Promise<string>;
  /**
   * What reading secrets by reference needs (`read`, `run`), without the vault: a document enough
   * to find one key (the checked vault.json, else the store), the keychain, and the audit.
   */
  secretAccess(): SecretAccess;
  /** What core warned of (a corrupt file moved aside, an action not recorded), for the user once at the end. */
  warnings(): readonly Problem[];
  /** The damage report of vault.json when parts of it could not be read (null when none, or never opened). */
  damage(): Problem | null;
  /** The vault home and keychain without opening the vault: for recovering a vault that cannot be opened. */
  unopened(): { home: string; secrets: KeytarSecretStore };
  /** The team inventory over this vault (openTeam on the context's home, keychain and store), opened once. */
  team(): Promise<TeamService>;
  /** The team service when this vault is joined to a team, else null (without loading any team code). */
  joinedTeam(): Promise<TeamService | null>;
  /**
   * This run delivered to the team itself (`team sync`, `team connect`): nothing is delivered again
   * when it ends. Otherwise a run that changed the vault or its audit log, in a vault joined to a
   * team, delivers what waits as it closes (see team/after-change.ts).
   */
  teamDelivered(): void;
  close(): Promise<void>;
}

/**
 * `parts` is null for a command that reads one secret only (`key get`): then vault(), rotations()
 * and core() are not available, and revealSecret reads the checked vault.json directly, on the
 * same ports the core would have.
 */
export function createCliContext(io: CliIo, getHome: () => string | undefined, parts: VaultParts | null = null): CliContext {
  const logger = new CollectingLogger();
  let base: Base | null = null;
  let core: Core | null = null;
  let http: HttpClient | null = null;
  /** Whether this run wrote the vault or its audit log (what the team has not seen yet). */
  let changed = false;
  let delivered = false;
  let team: { service: TeamService; parts: TeamParts } | null = null;
  /** The metadata store and its module, once a command opened it. */
  let store: { metadata: ConfMetadataStore; vaultDamageProblem: MetadataParts['vaultDamageProblem'] } | null = null;

  const openBase = (): Base => {
    if (base) return base;
    const home = resolveHome(getHome(), io.env);
    const vaultId = ensureVaultIdentity(home);
    const keychainService = keychainServiceFor(vaultId);
    const secrets = new KeytarSecretStore();
    const auditHead = keychainAuditHead(secrets, keychainService);
    const auditLog = new FileAuditLog(home, { now: () => systemClock.now(), head: auditHead });
    // Every change of the vault is audited: a run that appended an entry has something for the team.
    const changeNoted = {
      appendAll: (events: readonly AuditEvent[]) => {
        if (events.length > 0) changed = true;
        auditLog.appendAll(events);
      },
    };
    base = {
      home,
      vaultId,
      keychainService,
      secrets,
      // Every change is audited, and the audit log's newest hash goes to the keychain: the keychain
      // must answer (reading that hash) before anything is written, or a command would half-succeed.
      beforeWrite: async () => void (await auditHead.read()),
      auditLog,
      audit: auditSink(changeNoted, logger),
    };
    return base;
  };
  const openStore = (modules: MetadataParts): ConfMetadataStore => {
    if (store) return store.metadata;
    const b = openBase();
    const recordOutbox = modules.teamOutboxRecorder(b.home);
    const onWrite = (before: VaultDocument, after: VaultDocument) => {
      changed = true;
      recordOutbox(before, after);
    };
    const metadata = new modules.ConfMetadataStore(b.home, { vaultId: b.vaultId, beforeWrite: b.beforeWrite, onWrite, logger });
    store = { metadata, vaultDamageProblem: modules.vaultDamageProblem };
    return metadata;
  };
  const open = (): Core => {
    if (core) return core;
    if (!parts) throw new Error('internal: this command was started without the vault (see command-modules.ts)');
    const { home, secrets, keychainService, audit } = openBase();
    const metadata = openStore(parts);
    const client = parts.createLazyHttpClient();
    http = client;
    core = parts.openCore(
      { metadata, secrets, keychainService, http: client, clock: systemClock, sleep: parts.realSleep, audit, logger },
      { locks: new parts.FileRotationLocks(home, { host: 'the keyturn CLI' }), consumers: new parts.FileKeyConsumers(home) },
    );
    return core;
  };

  /** The checked vault.json when it is that file; the store (every record checked) otherwise. */
  const secretAccess = (): SecretAccess => {
    const { home, vaultId, secrets, keychainService, audit } = openBase();
    const readForKey = async (r: string) => {
      // Temporary files of a killed write are the store's to remove when it opens.
      const found = staleTempFiles(home).length === 0 ? readCheckedForKey(home, r, { vaultId }) : null;
      return found?.doc ?? openStore(await import('./metadata-parts.js')).readForKey(r);
    };
    const readForKeys = async (refs: readonly string[]) => {
      const found = staleTempFiles(home).length === 0 ? readCheckedForKeys(home, refs, { vaultId }) : null;
      return found?.doc ?? openStore(await import('./metadata-parts.js')).read();
    };
    return { home, readForKey, readForKeys, secrets, keychainService, audit: (event) => audit.append(event), auditAll: (events) => audit.appendAll(events) };
  };
  const openTeam = async (): Promise<{ service: TeamService; parts: TeamParts }> => {
    if (team) return team;
    if (!parts) throw new Error('internal: this command was started without the vault (see command-modules.ts)');
    const teamParts = await parts.loadTeam();
    const { home, vaultId, secrets, keychainService, audit } = openBase();
    const service = teamParts.openTeam({ home, vaultId, secrets, keychainService, metadata: openStore(parts), clock: systemClock, logger, audit });
    team = { service, parts: teamParts };
    return team;
  };
  /** Joined to a team, as the vault home says: no team code is loaded for a vault that is not. */
  const joinedTeam = async (): Promise<TeamService | null> => {
    if (!parts || !existsSync(join(openBase().home, TEAM_CONNECTION_FILE))) return null;
    const { service } = await openTeam();
    return service.connected() ? service : null;
  };

  /** The vault's revealSecret, on the checked vault.json when it is that file; through the store (every record checked) otherwise. */
  const revealUnopened = (ref: string, action: RevealAction): Promise<string> => revealSecret(secretAccess(), ref, action);

  return {
    io,
    clock: systemClock,
    exitCode: 0,
    vault: () => open().vault,
    rotations: () => open().rotations,
    core: open,
    auditLog: () => openBase().auditLog,
    revealSecret: (ref, action) => (parts ? open().vault.revealSecret(ref, action) : revealUnopened(ref, action)),
    secretAccess,
    warnings: () => logger.problems,
    damage: () => {
      if (!store) return null;
      let lines: readonly string[];
      try {
        lines = store.metadata.damage();
      } catch {
        return null; // the read failed, and the command already said why
      }
      return lines.length > 0 ? store.vaultDamageProblem(store.metadata, lines) : null;
    },
    unopened: () => ({ home: resolveHome(getHome(), io.env), secrets: new KeytarSecretStore() }),
    team: async () => (await openTeam()).service,
    joinedTeam,
    teamDelivered: () => {
      delivered = true;
    },
    async close() {
      // The audit log's newest hash must reach the keychain before the process ends.
      await base?.auditLog.flush();
      try {
        // The lean paths (`key get`, `read`, `run`, the hooks' scans) have no parts: they never deliver.
        if (changed && !delivered && parts) {
          const joined = await joinedTeam();
          if (joined && team) await team.parts.deliverAfterChange(joined, io);
        }
      } catch {
        // Delivering is a courtesy of the run: what waits stays in the outbox for the next one.
      } finally {
        await team?.service.close().catch(() => undefined);
        await http?.close();
      }
    },
  };
}
