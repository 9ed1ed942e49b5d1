import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RotationInteraction } from '../../../../electron/core/rotation/interaction.js';
import { auditLogFailingFor } from '../../../support/core-ports.js';
import { openTestCore } from '../../../support/core-ports.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { tempHome } from '../../../support/temp-home.js';
import { addNexoraKeyWithTarget, nexoraWithHttp } from '../../../support/nexora-with-http.js';

const REF = 'nexora/acme/self/svc';

const interaction: RotationInteraction = {
  confirmProduction: async () => true,
  pasteNewKey: async () => null,
  showRevokeGuide: () => undefined,
  confirmDespiteWarnings: async () => true,
  progress: () => undefined,
};

/**
 * An audit entry is written after its action happened: a log that cannot take it (a full disk)
 * must warn, never turn a step that is done into a failed one, nor an emergency revocation that
 * happened into a reported failure. Runs on the in-memory secret store: no keychain needed.
 */
describe('an audit log that cannot be written', () => {
  const served = nexoraWithHttp();

  /** A vault (keys in memory) with one Nexora key of a user of its own, written to a .env target; its audit log fails for `action`. */
  async function vaultFailingToRecord(action: string) {
    const home = tempHome();
    const secrets = new MemorySecretStore();
    const auditLog = auditLogFailingFor((event) => event.action === action);
    const core = openTestCore(home, { secrets, http: served.http, auditLog, host: 'the test' });
    const { old, env } = await addNexoraKeyWithTarget(served.nexora, core, home);
    return { core, secrets, auditLog, old, env };
  }

  it.each(['rotation.start', 'rotation.create', 'rotation.swap', 'rotation.verify', 'rotation.revoke'])(
    'forbids a failed %s entry from failing a rotation step that was done: the rotation completes, its journal says so, the person is warned',
    async (action) => {
      const { core, secrets, auditLog, old, env } = await vaultFailingToRecord(action);
      const rotation = await core.rotations.start(REF, interaction, { revokeWaitMs: 5_000 });

      expect(rotation.state).toBe('completed');
      for (const step of ['create', 'swap', 'verify', 'revoke'] as const) expect(rotation.steps[step].status, step).toBe('done');
      expect(rotation.journal.filter((e) => e.event === 'fail')).toEqual([]);
      expect(rotation.journal.filter((e) => e.event === 'end').map((e) => e.step)).toEqual(['create', 'swap', 'verify', 'revoke']);
      // What the rotation did outside the vault happened: the new key is in the target and the keychain, the old one is dead.
      const newKey = core.vault.read().keys.find((k) => k.id === rotation.newKeyId);
      const newSecret = await secrets.get(core.keychainService, rotation.newKeyId);
      expect(newKey?.status).toBe('active');
      expect(readFileSync(env, 'utf8')).toBe(`KEY=${newSecret}\n`);
      expect(served.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
      // Warned once, for the entry that was lost; every other entry was written.
      expect(core.logger.problems).toEqual([{ code: 'audit.unrecorded', action, reason: 'ENOSPC: no space left on device, write' }]);
      expect(auditLog.written.map((e) => e.action)).toEqual(expect.arrayContaining(['rotation.start', 'rotation.create', 'rotation.swap', 'rotation.verify', 'rotation.revoke'].filter((a) => a !== action)));
    },
  );

  it('forbids a failed emergency.revoke entry from reporting an emergency revocation that happened as failed: the key is revoked, the person is warned', async () => {
    const { core, secrets, old } = await vaultFailingToRecord('emergency.revoke');
    const { emergencyRevoke } = await import('../../../../electron/core/emergency/emergency-revoke.js');
    const record = core.vault.read().keys[0];
    const outcome = await emergencyRevoke(core, REF, { waitMs: 5_000, showGuide: () => undefined, confirmProduction: null });

    expect(outcome).toMatchObject({ ref: REF, proven: true });
    expect(served.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
    expect(core.vault.read().keys.find((k) => k.id === record?.id)?.status).toBe('revoked');
    expect(await secrets.get(core.keychainService, record?.id ?? '')).toBeNull();
    expect(core.logger.problems).toEqual([{ code: 'audit.unrecorded', action: 'emergency.revoke', reason: 'ENOSPC: no space left on device, write' }]);
  });
});
