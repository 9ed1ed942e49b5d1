import { FileAuditLog } from '../../electron/core/node/audit/audit-log.js';
import type { HttpClient } from '../../electron/core/http/types.js';
import { openCore, type Core, type CoreParts } from '../../electron/core/node/open-core.js';
import { auditSink, type AuditEvent, type AuditWriter } from '../../electron/core/ports/audit-sink.js';
import type { Clock } from '../../electron/core/ports/clock.js';
import type { CorePorts } from '../../electron/core/ports/core-ports.js';
import { CollectingLogger } from '../../electron/core/ports/logger.js';
import type { SecretStore } from '../../electron/core/ports/secret-store.js';
import { ConfMetadataStore } from '../../electron/core/node/store/conf-metadata-store.js';
import { FileRotationLocks } from '../../electron/core/node/store/file-rotation-locks.js';
import type { MetadataStore } from '../../electron/core/store/metadata-store.js';
import { ensureVaultIdentity, keychainServiceFor } from '../../electron/core/node/store/home.js';

/** An audit log whose every write fails as a full disk does: the action must stay done, and the person be warned. */
export const fullDiskAuditLog: AuditWriter = {
  appendAll: () => {
    throw new Error('ENOSPC: no space left on device, write');
  },
};

/** An audit log that fails for some actions only (the others are kept, so a test sees what was recorded). */
export function auditLogFailingFor(failing: (event: AuditEvent) => boolean): AuditWriter & { written: AuditEvent[] } {
  const written: AuditEvent[] = [];
  return {
    written,
    appendAll(events) {
      if (events.some(failing)) throw new Error('ENOSPC: no space left on device, write');
      written.push(...events);
    },
  };
}

export interface TestPortOptions {
  /** The secret store: required, so each test says whether it runs on the real keychain or in memory. */
  secrets: SecretStore;
  metadata?: (real: ConfMetadataStore) => MetadataStore;
  http: HttpClient;
  clock?: Clock;
  /** Where audit entries go (the vault home's audit log by default), behind the never-throwing sink. */
  auditLog?: AuditWriter;
  sleep?: CorePorts['sleep'];
}

/** The ports of one vault home, as the hosts wire them, with the logger kept for the test to read. */
export function testPorts(home: string, options: TestPortOptions): CorePorts & { logger: CollectingLogger } {
  const vaultId = ensureVaultIdentity(home);
  const logger = new CollectingLogger();
  const real = new ConfMetadataStore(home, { vaultId, logger });
  return {
    metadata: options.metadata ? options.metadata(real) : real,
    secrets: options.secrets,
    keychainService: keychainServiceFor(vaultId),
    http: options.http,
    clock: options.clock ?? { now: () => new Date() },
    sleep: options.sleep ?? (async () => undefined),
    audit: auditSink(options.auditLog ?? new FileAuditLog(home), logger),
    logger,
  };
}

/** openCore over testPorts, as the hosts call it. */
export function openTestCore(home: string, options: TestPortOptions & Partial<CoreParts> & { host?: string }): Core & { logger: CollectingLogger } {
  const ports = testPorts(home, options);
  const core = openCore(ports, {
    locks: options.locks ?? new FileRotationLocks(home, { host: options.host ?? 'a test' }),
    ...(options.newId ? { newId: options.newId } : {}),
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
  });
  return Object.assign(core, { logger: ports.logger });
}
