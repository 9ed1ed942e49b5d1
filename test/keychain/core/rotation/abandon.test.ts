import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { keychainServiceFor } from '../../../../electron/core/node/store/home.js';
import type { RotationInteraction } from '../../../../electron/core/rotation/interaction.js';
import { startAllEmulators, type AllEmulators } from '../../../emulators/index.js';
import { holdRotationLock } from '../../../support/lock-holder.js';
import { nexoraKeyWithTarget } from '../../../support/nexora-fixture.js';
import { keychainEntries } from '../../../support/private-keychain.js';
import { rotationEngineFor } from '../../../support/rotation-engine.js';
import { vaultIdOf } from '../../../support/temp-home.js';
import { ConfMetadataStore } from '../../../../electron/core/node/store/conf-metadata-store.js';

const quiet: RotationInteraction = { confirmProduction: async () => true, pasteNewKey: async () => null, showRevokeGuide: () => undefined, confirmDespiteWarnings: async () => false, progress: () => undefined };

describe('abandoning a rotation is journaled before and after and survives a crash', () => {
  let emulators: AllEmulators;
  const http = createHttpClient();
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
    await http.close();
  });

  /** A Nexora rotation stopped at its verify, after the swap wrote the new key to the .env. */
  async function stoppedAfterSwap() {
    const fixture = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name: 'backend', variable: 'NEXORA_API_KEY' });
    const engine = rotationEngineFor(fixture.home, http, 'a test', {
      checkpoint: (name) => {
        if (name === 'verify:before') emulators.nexora.control.setFault({ status: 503, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
      },
    });
    const stopped = await engine.start('nexora/acme/self/backend', quiet, { yes: true });
    emulators.nexora.control.clearFaults();
    expect(stopped.steps.verify.status).toBe('failed');
    expect(readFileSync(fixture.env, 'utf8')).not.toContain(fixture.old.secret);
    return { ...fixture, rotationId: stopped.id, newKeyId: stopped.newKeyId };
  }

  for (const crashAt of ['abandon:before', 'restore:after-target', 'abandon:provider-done', 'abandon:keychain-removed']) {
    it(`an abandon stopped at ${crashAt} is finished by the next run, and nothing of the new key is left`, async () => {
      const { home, env, old, user, rotationId, newKeyId } = await stoppedAfterSwap();
      const crashing = rotationEngineFor(home, http, 'a test', {
        checkpoint: (name) => {
          if (name === crashAt) throw new Error(`crash at ${crashAt}`);
        },
      });
      await expect(crashing.abandon(rotationId)).rejects.toThrow(`crash at ${crashAt}`);
      expect(new ConfMetadataStore(home).read().rotations[0]).toMatchObject({ state: 'in-progress', abandonStartedAt: expect.any(String) });

      // A resume (the CLI's --resume, the app's Resume) finishes the abandon instead of the rotation.
      const finished = await rotationEngineFor(home, http, 'a test').run(rotationId, quiet, { yes: true });
      expect(finished.state).toBe('abandoned');
      expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
      const doc = new ConfMetadataStore(home).read();
      expect(doc.keys.map((k) => [k.name, k.status])).toEqual([['backend', 'active']]);
      expect(doc.keys.some((k) => k.id === newKeyId)).toBe(false);
      expect(Object.keys(await keychainEntries(keychainServiceFor(vaultIdOf(home))))).not.toContain(newKeyId);
      expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id).map((k) => [k.id === old.id, k.status])).toEqual([[true, 'active'], [false, 'revoked']]);
      const journaled = finished.journal.filter((e) => e.step === 'rotation');
      expect(journaled[1]).toMatchObject({ event: 'note', detail: expect.stringMatching(/^abandoning/) });
      expect(journaled.at(-1)).toMatchObject({ event: 'end', detail: expect.stringMatching(/^abandoned/) });
      expect(finished.abandoned).toEqual({ newKeyAtProvider: 'revoked', restoredTargets: 1 });
    });
  }

  it('an abandon is refused as busy while another process holds the rotation, and changes nothing', async () => {
    const { home, env, rotationId } = await stoppedAfterSwap();
    const before = readFileSync(env, 'utf8');
    const holder = await holdRotationLock(home, rotationId, 'the keyturn CLI');
    try {
      const refused = await rotationEngineFor(home, http, 'a test').abandon(rotationId).catch((error: unknown) => error);
      expect(refused).toMatchObject({ kind: 'busy', problem: { code: 'rotation.held', pid: holder.pid } });
      expect(readFileSync(env, 'utf8')).toBe(before);
      expect(new ConfMetadataStore(home).read().rotations[0]).toMatchObject({ state: 'in-progress' });
      expect(new ConfMetadataStore(home).read().rotations[0]?.abandonStartedAt).toBeUndefined();
    } finally {
      await holder.kill();
    }
  });
});
