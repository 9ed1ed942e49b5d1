import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import type { RotationInteraction } from '../../../../electron/core/rotation/interaction.js';
import { startEmulator, type NexoraEmulator } from '../../../emulators/index.js';
import { openTestCore } from '../../../support/core-ports.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { rotationEngineFor } from '../../../support/rotation-engine.js';
import { tempHome } from '../../../support/temp-home.js';

/**
 * A Nexora that reports last_used_at (the document leaves open whether it moves: the emulator's
 * on-every-call reading): a use of the old key after the swap is a warning before revoking.
 */
describe('a consumer still using the old key after the swap', () => {
  let nexora: NexoraEmulator;
  let skewMs = 0;
  beforeAll(async () => {
    nexora = await startEmulator('nexora', { now: () => new Date(Date.now() + skewMs), nexora: { lastUsedAt: 'on-every-call' } });
  });
  afterAll(async () => {
    await nexora.close();
  });

  it('is shown as a warning, and the old key is not revoked without a yes', async () => {
    const home = tempHome();
    const http = createHttpClient({ maxRetries: 0 });
    // The keychain in memory: what is tested is the engine's check before revoking.
    const secrets = new MemorySecretStore();
    const old = nexora.control.createKey({ name: 'svc' });
    const { vault } = openTestCore(home, { secrets, http });
    await vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self', env: 'sandbox', baseUrl: nexora.baseUrl() });
    await vault.addKey({ instanceRef: 'nexora/acme/self', name: 'svc', secret: old.secret });
    const env = join(home, '.env');
    writeFileSync(env, `KEY=${old.secret}\n`);
    await vault.addTarget('nexora/acme/self/svc', { kind: 'dotenv', file: env, variable: 'KEY' }, home);

    const warnings: string[] = [];
    const interaction: RotationInteraction = {
      confirmProduction: async () => true,
      pasteNewKey: async () => null,
      showRevokeGuide: () => undefined,
      confirmDespiteWarnings: async (w) => {
        warnings.push(...w);
        return false;
      },
      progress: () => undefined,
    };
    const engine = rotationEngineFor(home, http, 'the test', {
      secrets,
      checkpoint: async (name) => {
        if (name !== 'swap:after') return;
        // A consumer that never re-read its config calls Nexora with the old key, a minute later.
        skewMs = 60_000;
        const response = await fetch(`${nexora.baseUrl()}/agents`, { headers: { authorization: `Bearer ${old.secret}` } });
        expect(response.status).toBe(200);
      },
    });
    try {
      const rotation = await engine.start('nexora/acme/self/svc', interaction, { revokeWaitMs: 1_000 });
      expect(rotation.state).toBe('in-progress');
      expect(rotation.steps.verify.status).toBe('done');
      expect(rotation.steps.revoke).toMatchObject({ status: 'failed', detail: expect.stringMatching(/stopped before revoking: the old key was used at .*, after the swap: some consumer still holds it/) });
      expect(warnings).toEqual([expect.stringMatching(/some consumer still holds it/)]);
      expect(nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    } finally {
      await http.close();
    }
  });
});
