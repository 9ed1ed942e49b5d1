// The app's rotation of a Nexora key Keyturn did not create, where Nexora's list leaves it open
// which key it is: the wizard's question lists the candidates, the answer is checked and stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppCore } from '../../../electron/app/app-core.js';
import { RotationSessions } from '../../../electron/app/rotation-sessions.js';
import { startEmulator, type NexoraEmulator } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { privateKeychain } from '../../support/private-keychain.js';

describe('the rotation wizard asks which listed key is the old one', () => {
  let nexora: NexoraEmulator;
  beforeAll(async () => {
    // Only the documented list fields, last_used_at never set: nothing tells the keys apart.
    nexora = await startEmulator('nexora');
  });
  afterAll(async () => {
    await nexora.close();
  });

  async function ambiguousRotation() {
    const fixture = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'svc', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['laptop'] });
    const core = openAppCore(fixture.home, { name: 'the desktop app', secrets: privateKeychain() });
    const waiters: (() => void)[] = [];
    const sessions = new RotationSessions(core.rotations, core.metadata, () => {
      for (const w of waiters.splice(0)) w();
    }, 5_000);
    const changed = async (until: () => boolean) => {
      while (!until()) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    const started = await sessions.start('nexora/acme/self/svc', false, undefined);
    const id = started.rotation.id;
    await changed(() => sessions.view(id).question !== null || !sessions.view(id).running);
    return { ...fixture, core, sessions, changed, id };
  }

  it('at the revoke step: the candidates (name, dates, no secret); the one picked is revoked by API and its id stored', async () => {
    const { core, sessions, changed, id, old, others } = await ambiguousRotation();
    try {
      const question = sessions.view(id).question;
      expect(question).toMatchObject({ kind: 'choose-remote-key', provider: 'Nexora' });
      if (question?.kind !== 'choose-remote-key') return;
      expect(question.candidates.map((c) => c.id).sort()).toEqual([old.id, others[0]!.id].sort());
      expect(question.candidates.find((c) => c.id === old.id)).toEqual({ id: old.id, name: 'CI pipeline', createdAt: old.createdAt, lastUsedAt: null });
      expect(JSON.stringify(question)).not.toContain(old.secret);
      expect(sessions.view(id).rotation.steps.verify.status).toBe('done');

      sessions.answer(id, { kind: 'remote-id', remoteId: old.id });
      await changed(() => !sessions.view(id).running);
      expect(sessions.view(id).rotation.state).toBe('completed');
      expect(sessions.view(id).revokeGuide).toBeNull();
      expect(nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith(old.id))).toHaveLength(1);
      expect(nexora.control.keys().find((k) => k.id === others[0]!.id)?.status).toBe('active');
      expect(core.metadata.read().keys.find((k) => k.status === 'revoked')?.remoteId).toBe(old.id);
    } finally {
      await sessions.stop();
      await core.close();
    }
  });

  it('"none of these" leaves it to the dashboard: the guide is shown and nothing is revoked by API', async () => {
    const { core, sessions, changed, id, old } = await ambiguousRotation();
    try {
      expect(sessions.view(id).question?.kind).toBe('choose-remote-key');
      sessions.answer(id, { kind: 'remote-id', remoteId: null });
      await changed(() => sessions.view(id).revokeGuide !== null);
      expect(nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith(old.id))).toHaveLength(0);
      nexora.control.revokeKey(old.id);
      await changed(() => !sessions.view(id).running);
      expect(sessions.view(id).rotation.state).toBe('completed');
    } finally {
      await sessions.stop();
      await core.close();
    }
  });
});
