// A rotation in a process of its own, for crash tests: it composes the real engine (real keychain,
// real metadata store, real HTTP to the emulators) and kills itself with SIGKILL at one checkpoint.
// Usage: node --import tsx test/support/rotation-child.ts '<json config>'
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { FileAuditLog } from '../../electron/core/audit/audit-log.js';
import { createHttpClient } from '../../electron/core/http/undici-client.js';
import { KeytarSecretStore } from '../../electron/core/keychain/keytar-secret-store.js';
import { RotationEngine } from '../../electron/core/rotation/engine.js';
import type { RotationInteraction } from '../../electron/core/rotation/interaction.js';
import { ConfMetadataStore } from '../../electron/core/store/conf-metadata-store.js';
import { FileRotationLocks } from '../../electron/core/store/file-rotation-locks.js';
import { ensureVaultIdentity, keychainServiceFor } from '../../electron/core/store/home.js';

const configSchema = z.object({
  home: z.string(),
  ref: z.string(),
  crashAt: z.string().optional(),
  resume: z.boolean().default(false),
  newKey: z.string().optional(),
  /** The person revoking in the dashboard when the guide is shown: the emulator's control API. */
  revokeViaControl: z.object({ controlUrl: z.string(), controlToken: z.string(), keyId: z.string() }).optional(),
  revokeWaitMs: z.number().default(10_000),
});
const config = configSchema.parse(JSON.parse(process.argv[2] ?? '{}'));

const http = createHttpClient({ maxRetries: 1, baseDelayMs: 10, totalTimeoutMs: 3_000 });
const metadata = new ConfMetadataStore(config.home);
const engine = new RotationEngine({
  metadata,
  secrets: new KeytarSecretStore(),
  keychainService: keychainServiceFor(ensureVaultIdentity(config.home)),
  http,
  clock: { now: () => new Date() },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100))),
  audit: new FileAuditLog(config.home),
  newId: randomUUID,
  locks: new FileRotationLocks(config.home, { host: 'a rotation test process' }),
  checkpoint: (name) => {
    process.stdout.write(`checkpoint ${name}\n`);
    if (name === config.crashAt) process.kill(process.pid, 'SIGKILL');
  },
});

let revokeSent: Promise<unknown> | null = null;
const interaction: RotationInteraction = {
  confirmProduction: async () => true,
  pasteNewKey: async (_guide, problem) => (problem ? null : (config.newKey ?? null)),
  showRevokeGuide: () => {
    const c = config.revokeViaControl;
    if (!c) return;
    revokeSent ??= fetch(`${c.controlUrl}/keys/${encodeURIComponent(c.keyId)}/revoke`, { method: 'POST', headers: { 'x-emulator-token': c.controlToken } });
  },
  confirmDespiteWarnings: async () => true,
  progress: () => undefined,
};

const options = { yes: true, revokeWaitMs: config.revokeWaitMs };
const rotation = config.resume ? await engine.resume(config.ref, interaction, options) : await engine.start(config.ref, interaction, options);
await revokeSent;
await http.close();
process.stdout.write(`state ${rotation.state}\n`);
process.exitCode = rotation.state === 'completed' ? 0 : 1;
