import { createHttpClient } from '../../../../../electron/core/node/http/undici-client.js';
import { FileAuditLog } from '../../../../../electron/core/node/audit/audit-log.js';
import { ConfMetadataStore } from '../../../../../electron/core/node/store/conf-metadata-store.js';
import { ensureVaultIdentity, keychainServiceFor } from '../../../../../electron/core/node/store/home.js';
import { teamOutboxRecorder } from '../../../../../electron/core/node/team/outbox-recorder.js';
import { openTeam, type TeamDeps } from '../../../../../electron/core/node/team/open-team.js';
import { Vault } from '../../../../../electron/core/node/vault/vault.js';
import { auditSink } from '../../../../../electron/core/ports/audit-sink.js';
import type { Clock } from '../../../../../electron/core/ports/clock.js';
import { CollectingLogger } from '../../../../../electron/core/ports/logger.js';
import type { SecretStore } from '../../../../../electron/core/ports/secret-store.js';
import type { TeamService } from '../../../../../electron/core/team/team-service.js';
import { sampleKeys } from '../../../../support/keys.js';

export interface TeamTestVault {
  home: string;
  vaultId: string;
  vault: Vault;
  metadata: ConfMetadataStore;
  deps: TeamDeps;
  team: TeamService;
  close(): Promise<void>;
}

/** A vault as the hosts open it (the metadata store with the outbox recorder), and its team service. */
export function teamTestVault(home: string, options: { secrets: SecretStore; machine?: string; clock?: Clock; connectTimeoutMs?: number; connectDatabase?: TeamDeps['connectDatabase']; deliveryChunk?: number }): TeamTestVault {
  const vaultId = ensureVaultIdentity(home);
  const logger = new CollectingLogger();
  const metadata = new ConfMetadataStore(home, { vaultId, logger, onWrite: teamOutboxRecorder(home) });
  const http = createHttpClient({ maxRetries: 1, baseDelayMs: 10 });
  const clock = options.clock ?? { now: () => new Date() };
  const audit = auditSink(new FileAuditLog(home), logger);
  const keychainService = keychainServiceFor(vaultId);
  const vault = new Vault({ metadata, secrets: options.secrets, keychainService, http, clock, sleep: async () => undefined, audit, logger });
  const deps: TeamDeps = {
    home,
    vaultId,
    secrets: options.secrets,
    keychainService,
    metadata,
    clock,
    logger,
    audit,
    machine: options.machine ?? 'laptop-1',
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.connectDatabase ? { connectDatabase: options.connectDatabase } : {}),
    ...(options.deliveryChunk ? { deliveryChunk: options.deliveryChunk } : {}),
  };
  const team = openTeam(deps);
  return { home, vaultId, vault, metadata, deps, team, close: async () => { await team.close(); await http.close(); } };
}

export const noraSandbox = { provider: 'nora', org: 'acme', name: 'sandbox', env: 'sandbox', baseUrl: 'http://127.0.0.1:9/nora' };
export const noraLive = { provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: 'http://127.0.0.1:9/nora' };

/** Adds `count` sandbox keys (the instance with the first), returning their ids and secrets. */
export async function addKeys(v: TeamTestVault, count: number, prefix = 'key', instance = noraSandbox): Promise<{ id: string; secret: string }[]> {
  const added: { id: string; secret: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const secret = sampleKeys.nora(instance.env === 'production' ? 'production' : 'sandbox');
    const hasInstance = v.metadata.read().instances.some((x) => x.name === instance.name && x.org === instance.org);
    const { key } = await v.vault.addKey({ ...(hasInstance ? { instanceRef: `${instance.provider}/${instance.org}/${instance.name}` } : { newInstance: instance }), name: `${prefix}-${i}`, secret });
    added.push({ id: key.id, secret });
  }
  return added;
}
