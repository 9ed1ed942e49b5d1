// The app's emergency calls as both hosts dispatch them: the contract's parse, then the handlers on the real core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { LeakFinding, RevokeResult } from '../../../electron/contract/views.js';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { privateKeychain } from '../../support/private-keychain.js';
import { tempHome } from '../../support/temp-home.js';

/** The most a paste may hold, as the README gives it. */
const MAX_PASTED_TEXT_LENGTH = 65_536;

describe('the app’s emergency calls', () => {
  /** An account per test: Nexora's list then shows only that test's key, so its id is found. */
  const ownNexoraAccount = () => emulators.nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' }).id;
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  async function appWith(work: (call: (name: 'emergency.find' | 'emergency.revoke', args: unknown) => ReturnType<typeof dispatchCall>, core: AppCore) => Promise<void>) {
    const core = openAppCore(tempHome(), { name: 'the desktop app', secrets: privateKeychain(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
    const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: () => undefined });
    try {
      await work((name, args) => dispatchCall(handlers, name, args), core);
    } finally {
      await core.close();
    }
  }

  it('a paste at the bound is looked at; one character more is refused before the host sees it', async () => {
    await appWith(async (call, core) => {
      const key = emulators.nexora.control.createKey({ name: 'ci', userId: ownNexoraAccount() });
      await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: emulators.nexora.baseUrl() });
      await core.vault.addKey({ instanceRef: 'nexora/acme/self', name: 'ci', secret: key.secret });
      const atBound = `${'.'.repeat(MAX_PASTED_TEXT_LENGTH - key.secret.length - 1)}\n${key.secret}`;
      const found = await call('emergency.find', { leaked: atBound });
      expect(found.reply.ok).toBe(true);
      const finding = (found.reply as { result: LeakFinding }).result;
      expect(finding.candidates.map((c) => [c.match?.ref, c.line])).toEqual([['nexora/acme/self/ci', 2]]);
      expect(JSON.stringify(finding)).not.toContain(key.secret);
      const refused = await call('emergency.find', { leaked: `${atBound} ` });
      expect(refused.status).toBe(400);
      expect(refused.reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'call.invalid-arguments', path: 'leaked', reason: 'paste at most 65,536 characters: only the lines around the key' } } });
      const refusedRevoke = await call('emergency.revoke', { ref: 'nexora/acme/self/ci', leaked: `${atBound} `, confirmInstanceName: 'self' });
      expect(refusedRevoke.status).toBe(400);
      expect(emulators.nexora.control.keys().find((k) => k.id === key.id)?.status).toBe('active');
    });
  });

  it('a production key is never revoked by the app without its instance name typed back', async () => {
    await appWith(async (call, core) => {
      const key = emulators.nexora.control.createKey({ name: 'ci', userId: ownNexoraAccount() });
      await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: emulators.nexora.baseUrl() });
      await core.vault.addKey({ instanceRef: 'nexora/acme/self', name: 'ci', secret: key.secret });
      for (const args of [{ ref: 'nexora/acme/self/ci' }, { ref: 'nexora/acme/self/ci', confirmInstanceName: 'Self' }, { ref: 'nexora/acme/self/ci', leaked: key.secret }]) {
        const refused = await call('emergency.revoke', args);
        expect(refused.reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'emergency.production-not-confirmed', field: 'confirmName', instance: 'self' } } });
      }
      expect(emulators.nexora.control.keys().find((k) => k.id === key.id)?.status).toBe('active');
      expect(core.vault.showKey('nexora/acme/self/ci').status).toBe('active');
      const done = await call('emergency.revoke', { ref: 'nexora/acme/self/ci', leaked: `log: Bearer ${key.secret}\nmore`, confirmInstanceName: 'self' });
      expect((done.reply as { result: RevokeResult }).result.proven).toBe(true);
    });
  });

  it('a guided revoke whose wait ran out is resumed: the app keeps checking until the 401', async () => {
    await appWith(async (call, core) => {
      const key = emulators.nora.control.createKey({ name: 'backend', env: 'sandbox', org: 'acme' });
      await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'test', env: 'sandbox', baseUrl: emulators.nora.baseUrl('sandbox'), verifyPath: '/v2/api-keys' });
      await core.vault.addKey({ instanceRef: 'nora/acme/test', name: 'backend', secret: key.secret });
      const timedOut = await call('emergency.revoke', { ref: 'nora/acme/test/backend', waitSeconds: 1 });
      expect((timedOut.reply as { result: RevokeResult }).result).toMatchObject({ proven: false, detail: 'the key still works after 1 s: revoke it in the dashboard, then resume to check again' });
      emulators.nora.control.revokeKey(key.id);
      const resumed = await call('emergency.revoke', { ref: 'nora/acme/test/backend', waitSeconds: 10, resume: true });
      expect((resumed.reply as { result: RevokeResult }).result).toMatchObject({ proven: true });
      expect(core.vault.showKey('nora/acme/test/backend').status).toBe('revoked');
    });
  });
});
