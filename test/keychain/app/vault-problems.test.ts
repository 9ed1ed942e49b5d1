// Vault, policy and store failures as the app receives them: the problem's code and parameters
// (with the field it belongs next to), worded in the app's terms, never the CLI's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { CallReply } from '../../../electron/contract/api.js';
import type { KeyCheck } from '../../../electron/contract/views.js';
import { appProblemText } from '../../../renderer/src/problems/wordings.js';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { sampleKeys } from '../../support/keys.js';
import { privateKeychain } from '../../support/private-keychain.js';
import { tempHome } from '../../support/temp-home.js';

type Call = (name: string, args: unknown) => ReturnType<typeof dispatchCall>;

/** The problem of a failed reply, and its app wording (checked to name no flag or command). */
function failure(reply: CallReply<unknown>) {
  if (reply.ok) throw new Error('the call succeeded');
  const text = appProblemText(reply.error.problem);
  expect(text).not.toMatch(/(^|\s|")--[a-z]/);
  expect(text).not.toMatch(/\bkeyturn /);
  return { ...reply.error, text };
}

describe('the app’s vault problems', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  async function appWith(work: (call: Call, core: AppCore) => Promise<void>) {
    const core = openAppCore(tempHome(), { name: 'the Keyturn app', secrets: privateKeychain(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
    const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: () => undefined });
    try {
      await work((name, args) => dispatchCall(handlers, name, args), core);
    } finally {
      await core.close();
    }
  }
  const noraLive = () => ({ provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: emulators.nora.baseUrl('production'), verifyPath: '/v2/api-keys' });

  it('an instance that exists is refused next to the instance fields', async () => {
    await appWith(async (call) => {
      expect((await call('instance.add', noraLive())).reply.ok).toBe(true);
      const again = await call('instance.add', noraLive());
      expect(again.status).toBe(400);
      const refused = failure(again.reply);
      expect(refused).toMatchObject({ kind: 'input', problem: { code: 'instance.exists', field: 'instance', ref: 'nora/acme/live' } });
      expect(refused.text).toContain('choose nora/acme/live in the Instance list');
    });
  });

  it('a key the provider rejects names the "Store without checking" box, and nothing is stored', async () => {
    await appWith(async (call, core) => {
      const revoked = emulators.nora.control.createKey({ name: 'old', env: 'production', org: 'acme' });
      emulators.nora.control.revokeKey(revoked.id);
      const added = await call('key.add', { newInstance: noraLive(), name: 'backend', secret: revoked.secret, verify: true });
      expect(added.status).toBe(400);
      const refused = failure(added.reply);
      expect(refused.problem).toMatchObject({ code: 'key.rejected', field: 'secret', provider: 'Nora', httpStatus: 401, revoked: true, newInstance: 'nora/acme/live' });
      expect(refused.text).toMatch(/^Nora rejected this key \(401: .*\); nothing was stored: to store it anyway, tick "Store without checking"\. The new instance nora\/acme\/live was not stored either\.$/);
      expect(JSON.stringify(added.reply)).not.toContain(revoked.secret);
      expect(core.vault.listInstances()).toEqual([]);
    });
  });

  it('an expiry date that has passed is refused next to the Expires field', async () => {
    await appWith(async (call) => {
      await call('instance.add', { provider: 'xora', org: 'acme', name: 'main', env: 'sandbox' });
      const added = await call('key.add', { instanceRef: 'xora/acme/main', name: 'ci', secret: sampleKeys.xora(), expiresOn: '2020-01-01' });
      const refused = failure(added.reply);
      expect(refused.problem).toEqual({ code: 'key.expiry-passed', field: 'expires', value: '2020-01-01' });
      expect(refused.text).toContain('leave Expires empty');
    });
  });

  it('the live check of a key already stored returns the problem with its field, not a failed call', async () => {
    await appWith(async (call) => {
      await call('instance.add', { provider: 'xora', org: 'acme', name: 'main', env: 'sandbox' });
      const secret = sampleKeys.xora();
      expect((await call('key.add', { instanceRef: 'xora/acme/main', name: 'ci', secret })).reply.ok).toBe(true);
      const checked = await call('key.check', { instanceRef: 'xora/acme/main', secret });
      expect(checked.reply.ok).toBe(true);
      const result = (checked.reply as { result: KeyCheck }).result;
      expect(result.refusal).toEqual({ code: 'new-key.already-stored', field: 'secret', where: 'xora/acme/main/ci' });
      expect(appProblemText(result.refusal ?? { code: 'unexpected', detail: 'none' })).toBe('This key is already stored as xora/acme/main/ci.');
    });
  });

  it('a policy rule for a provider the vault has no instance of is refused next to the provider', async () => {
    await appWith(async (call) => {
      const saved = await call('settings.set', { providers: { nope: { production: 30 } } });
      const refused = failure(saved.reply);
      expect(refused).toMatchObject({ kind: 'input', problem: { code: 'policy.provider-not-in-vault', field: 'provider', provider: 'nope' } });
      expect(refused.text).toContain('Settings');
    });
  });

  it('a date that is no calendar day is refused next to the Expires field', async () => {
    await appWith(async (call, core) => {
      await call('instance.add', { provider: 'xora', org: 'acme', name: 'main', env: 'sandbox' });
      await core.vault.addKey({ instanceRef: 'xora/acme/main', name: 'ci', secret: sampleKeys.xora() });
      const set = await call('key.setDates', { ref: 'xora/acme/main/ci', expiresOn: '2030-02-30' });
      const refused = failure(set.reply);
      expect(refused.problem).toEqual({ code: 'date.invalid', field: 'expires', value: '2030-02-30' });
    });
  });
});
