import type { Problem } from '../core/domain/problems/catalogue.js';
import { FileAuditLog } from '../core/node/audit/audit-log.js';
import { keychainAuditHead } from '../core/audit/keychain-head.js';
import { createHttpClient } from '../core/node/http/undici-client.js';
import { openCore, type Core } from '../core/node/open-core.js';
import { auditSink } from '../core/ports/audit-sink.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import { CollectingLogger } from '../core/ports/logger.js';
import type { Notifier } from '../core/ports/notifier.js';
import type { SecretStore } from '../core/ports/secret-store.js';
import { realSleep } from '../core/rotation/poll.js';
import { ConfMetadataStore } from '../core/node/store/conf-metadata-store.js';
import { FileRotationLocks } from '../core/node/store/file-rotation-locks.js';
import { FileKeyConsumers } from '../core/node/run/consumer-leases.js';
import { ensureVaultIdentity, keychainServiceFor } from '../core/node/store/home.js';
import { startBackgroundSync } from '../core/node/team/background-sync.js';
import { openTeam } from '../core/node/team/open-team.js';
import { teamOutboxRecorder } from '../core/node/team/outbox-recorder.js';
import type { TeamService } from '../core/team/team-service.js';
import type { TeamSyncOutcome } from '../core/team/team-connection.js';

/** The team's delivery in the background (at launch, shortly after each change, retried while the database is away): it says when the team status changed. */
export interface TeamSyncLoop {
  /** The vault changed: deliver soon. */
  changed(): void;
  /** Calls `listener` with each background sync's outcome (a delivery made, the database gone or back); returns how to stop. */
  onStatus(listener: (outcome: TeamSyncOutcome) => void): () => void;
}

/** The core as a UI host runs it: on one vault home, with what the host adds to close it. */
export interface AppCore extends Core {
  home: string;
  /** The audit log file itself, for the log's own views (verify, show); core records through `audit`. */
  auditLog: FileAuditLog;
  /** The team inventory of this vault (metadata only): its connection, sync and the team's audit. */
  team: TeamService;
  /** Its delivery in the background: told of each vault change the host makes. */
  teamSync: TeamSyncLoop;
  /** What core warned of since the host opened it (an audit entry not written, a corrupt file moved aside). */
  warnings(): readonly Problem[];
  /** Work to finish before the core closes (rotations this host runs let go of their lock). */
  beforeClose(task: () => Promise<void>): void;
  close(): Promise<void>;
}

export interface AppHost {
  /** Names this Keyturn to another process that finds one of its rotations running ("the desktop app"). */
  name: string;
  secrets: SecretStore;
  clock?: Clock;
  /** Where reminders go (OS notifications, the page); a host without one runs none. */
  notifier?: Notifier;
}

/** The real ports of a UI host (the vault home, its keychain service, HTTP, the clock) and the core over them. */
export function openAppCore(home: string, host: AppHost): AppCore {
  const clock = host.clock ?? systemClock;
  const vaultId = ensureVaultIdentity(home);
  const keychainService = keychainServiceFor(vaultId);
  const logger = new CollectingLogger();
  // In a vault joined to a team, every change is recorded in the team outbox under the vault's lock.
  const metadata = new ConfMetadataStore(home, { vaultId, logger, onWrite: teamOutboxRecorder(home) });
  const http = createHttpClient();
  const auditLog = new FileAuditLog(home, { now: () => clock.now(), head: keychainAuditHead(host.secrets, keychainService) });
  const core = openCore(
    { metadata, secrets: host.secrets, keychainService, http, clock, sleep: realSleep, audit: auditSink(auditLog, logger), logger, ...(host.notifier ? { notifier: host.notifier } : {}) },
    { locks: new FileRotationLocks(home, { host: host.name }), consumers: new FileKeyConsumers(home) },
  );
  const closing: (() => Promise<void>)[] = [];
  const team = openTeam({ home, vaultId, secrets: host.secrets, keychainService, metadata, clock, logger, audit: core.audit });
  const statusListeners = new Set<(outcome: TeamSyncOutcome) => void>();
  const background = startBackgroundSync(team, { onStatus: (outcome) => statusListeners.forEach((listener) => listener(outcome)) });
  const teamSync: TeamSyncLoop = {
    changed: () => background.changed(),
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
  };
  return Object.assign(core, {
    home,
    auditLog,
    team,
    teamSync,
    warnings: () => logger.problems,
    beforeClose: (task: () => Promise<void>) => void closing.push(task),
    close: async () => {
      for (const task of closing.splice(0)) await task();
      await auditLog.flush();
      // The delivery under way ends before the connection it uses closes.
      await background.stop();
      await team.close();
      await http.close();
    },
  });
}
