// The app's rotation calls as both hosts dispatch them: the contract's parse, then the handlers on the
// real core. A refusal reaches the app as a problem (a code, its parameters, the field it is about).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { CallName } from '../../../electron/contract/names.js';
import { appProblemText } from '../../../renderer/src/problems/wordings.js';
import { startEmulator, type NexoraEmulator } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { privateKeychain } from '../../support/private-keychain.js';

describe('the app’s rotation calls', () => {
  let nexora: NexoraEmulator;
  beforeAll(async () => {
    nexora = await startEmulator('nexora');
  });
  afterAll(async () => {
    await nexora.close();
  });

  it('a production rotation without its instance name typed back is refused as the problem of the wizard’s name field, and nothing is recorded or sent', async () => {
    const { home, old } = await nexoraKeyWithTarget(nexora, { env: 'production', name: 'svc', variable: 'KEY' });
    const core = openAppCore(home, { name: 'the desktop app', secrets: privateKeychain(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
    const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: () => undefined });
    const call = (name: CallName, args: unknown) => dispatchCall(handlers, name, args);
    try {
      for (const args of [{ ref: 'nexora/acme/self/svc', inPlace: false }, { ref: 'nexora/acme/self/svc', inPlace: false, confirmInstanceName: 'Self' }]) {
        const refused = await call('rotation.start', args);
        expect(refused.status).toBe(400);
        expect(refused.reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'rotation.production-not-confirmed', field: 'confirmName', instance: 'self' } } });
      }
      expect(core.metadata.read().rotations).toEqual([]);
      expect(nexora.control.requests().filter((r) => r.method !== 'GET' && r.authKeyId === old.id)).toEqual([]);
      // The app's words name the instance to type, not a flag.
      expect(appProblemText({ code: 'rotation.production-not-confirmed', field: 'confirmName', instance: 'self' })).toBe(
        'Type the instance name "self" exactly as shown to rotate a production key: nothing was changed.',
      );
    } finally {
      await core.close();
    }
  });
});
