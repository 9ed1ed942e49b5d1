import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import type { RotationInteraction } from '../../../../electron/core/rotation/interaction.js';
import { problemOfStep } from '../../../../electron/core/rotation/step-problem.js';
import { appProblemText } from '../../../../renderer/src/problems/wordings.js';
import { startEmulator, type NexoraEmulator } from '../../../emulators/index.js';
import { openTestCore } from '../../../support/core-ports.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { rotationEngineFor } from '../../../support/rotation-engine.js';
import { tempHome } from '../../../support/temp-home.js';

let nexora: NexoraEmulator;
const http = createHttpClient({ maxRetries: 0 });
beforeAll(async () => {
  nexora = await startEmulator('nexora');
});
afterAll(async () => {
  await nexora.close();
  await http.close();
});

const quiet: RotationInteraction = { confirmProduction: async () => true, pasteNewKey: async () => null, showRevokeGuide: () => undefined, confirmDespiteWarnings: async () => false, progress: () => undefined };

it('forbids Node error text in what a step shows: an error that is no problem stops the step as host.failed, its text kept only in the record', async () => {
  const home = tempHome();
  const secrets = new MemorySecretStore();
  const old = nexora.control.createKey({ name: 'svc' });
  const { vault } = openTestCore(home, { secrets, http });
  await vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self', env: 'sandbox', baseUrl: nexora.baseUrl() });
  await vault.addKey({ instanceRef: 'nexora/acme/self', name: 'svc', secret: old.secret });
  const engine = rotationEngineFor(home, http, 'a test', {
    secrets,
    checkpoint: (name) => {
      if (name === 'create:before-request') throw Object.assign(new Error("ENOENT: no such file or directory, open '/tmp/x'"), { code: 'ENOENT' });
    },
  });
  const stopped = await engine.start('nexora/acme/self/svc', quiet, { yes: true });
  expect(stopped.steps.create).toMatchObject({ status: 'failed', problem: { code: 'host.failed' }, detail: expect.stringContaining('ENOENT') });
  const shown = problemOfStep(stopped, 'create');
  expect(shown?.problem).toEqual({ code: 'host.failed' });
  expect(appProblemText(shown?.problem ?? { code: 'host.failed' })).not.toMatch(/ENOENT/);
});
