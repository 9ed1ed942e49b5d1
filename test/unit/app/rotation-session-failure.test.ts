import { expect, it } from 'vitest';
import { RotationSessions } from '../../../electron/app/rotation-sessions.js';
import { fail } from '../../../electron/core/domain/problems/problem-error.js';
import { openTestCore } from '../../support/core-ports.js';
import { MemorySecretStore } from '../../support/memory-secret-store.js';
import { tempHome } from '../../support/temp-home.js';
import { addNexoraKeyWithTarget, nexoraWithHttp } from '../../support/nexora-with-http.js';

const served = nexoraWithHttp();

it('forbids dropping the error of a rotation running in the background: the wizard sees its kind and problem, and the run is over', async () => {
  const home = tempHome();
  const secrets = new MemorySecretStore();
  // The run throws between two steps (as a lost rotation record or a lease taken from under it would), after it became this host's.
  const core = openTestCore(home, {
    secrets,
    http: served.http,
    host: 'the desktop app',
    checkpoint: (name) => {
      if (name === 'swap:before') fail('unexpected', { detail: 'the vault home went away' });
    },
  });
  await addNexoraKeyWithTarget(served.nexora, core, home);

  const sessions = new RotationSessions(core.rotations, core.metadata, () => undefined, 5_000);
  const started = await sessions.start('nexora/acme/self/svc', false, undefined);
  expect(started.failure).toBeNull();
  await sessions.stop(); // waits for the background run to end

  const view = sessions.view(started.rotation.id);
  expect(view.running).toBe(false);
  expect(view.rotation.steps.create.status).toBe('done');
  expect(view.failure).toEqual({ kind: 'failure', problem: { code: 'unexpected', detail: 'the vault home went away' } });

  // A new run starts clean: the failure is of the run that stopped, not of the rotation forever.
  const core2 = openTestCore(home, { secrets, http: served.http, host: 'the desktop app' });
  const again = new RotationSessions(core2.rotations, core2.metadata, () => undefined, 5_000);
  expect((await again.resume('nexora/acme/self/svc')).failure).toBeNull();
  await again.stop();
  expect(again.view(started.rotation.id)).toMatchObject({ running: false, failure: null, rotation: { state: 'completed' } });
});
