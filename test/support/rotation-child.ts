// A rotation in a process of its own, for crash tests: it runs the real engine (the private test keychain,
// real metadata store, real HTTP to the emulators) and kills itself with SIGKILL at one checkpoint.
// Usage: node --import tsx test/support/rotation-child.ts '<json config>'
import { z } from 'zod';
import { isProblem } from '../../electron/core/domain/problems/problem-error.js';
import { createHttpClient } from '../../electron/core/node/http/undici-client.js';
import type { RotationInteraction } from '../../electron/core/rotation/interaction.js';
import { rotationEngineFor } from './rotation-engine.js';

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
const engine = rotationEngineFor(config.home, http, 'a rotation test process', {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100))),
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
const rotation = await (config.resume ? engine.resume(config.ref, interaction, options) : engine.start(config.ref, interaction, options)).catch((error: unknown) => {
  // Refused: the problem, as data, for the test to read (not a stack trace).
  if (!isProblem(error)) throw error;
  process.stdout.write(`refused ${JSON.stringify(error.problem)}\n`);
  process.exit(2);
});
await revokeSent;
await http.close();
process.stdout.write(`state ${rotation.state}\n`);
process.exitCode = rotation.state === 'completed' ? 0 : 1;
