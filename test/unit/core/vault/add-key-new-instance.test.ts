import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAllEmulators, type AllEmulators } from '../../../emulators/index.js';
import { sampleKeys } from '../../../support/keys.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { tempHome, vaultState } from '../../../support/temp-home.js';
import { openTestVault, type TestVault } from '../../../support/vault.js';

/** *Add key* with a new instance: the instance and its key are stored together, or neither is. */
describe('Vault.addKey with a new instance', () => {
  let emulators: AllEmulators;
  const opened: TestVault[] = [];
  const keychain = new MemorySecretStore();
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.http.close();
  });
  const open = (home: string) => {
    const t = openTestVault(home, { keychain });
    opened.push(t);
    return t.vault;
  };
  const noraLive = () => ({ provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: emulators.nora.baseUrl('production'), verifyPath: '/v2/api-keys' });

  it('forbids leaving the instance behind when its key is refused (a sandbox key for production)', async () => {
    const home = tempHome();
    const vault = open(home);
    const before = await vaultState(home, keychain);
    await expect(vault.addKey({ newInstance: noraLive(), name: 'backend', secret: sampleKeys.nora('sandbox') })).rejects.toMatchObject({
      problem: { code: 'key.wrong-environment', field: 'secret', keyEnv: 'sandbox', instanceEnv: 'production', nothingStored: true, newInstance: 'nora/acme/live' },
    });
    expect(vault.listInstances()).toEqual([]);
    expect(await vaultState(home, keychain)).toEqual(before);
  });

  it('forbids leaving the instance behind when the provider rejects the key (401)', async () => {
    const home = tempHome();
    const vault = open(home);
    const before = await vaultState(home, keychain);
    const revoked = emulators.nora.control.createKey({ name: 'old', env: 'production', org: 'acme' });
    emulators.nora.control.revokeKey(revoked.id);
    await expect(vault.addKey({ newInstance: noraLive(), name: 'backend', secret: revoked.secret, verify: true })).rejects.toMatchObject({
      problem: { code: 'key.rejected', field: 'secret', provider: 'Nora', httpStatus: 401, reason: expect.stringMatching(/api_key_revoked/), newInstance: 'nora/acme/live' },
    });
    expect(await vaultState(home, keychain)).toEqual(before);
  });

  it('stores the instance and the key in one write once the key is right, verified', async () => {
    const home = tempHome();
    const vault = open(home);
    const key = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    const { key: added } = await vault.addKey({ newInstance: noraLive(), name: 'backend', secret: key.secret, verify: true });
    expect(added).toMatchObject({ ref: 'nora/acme/live/backend', env: 'production', status: 'active', lastVerification: expect.objectContaining({ result: 'valid', httpStatus: 200 }) });
    expect(vault.listInstances()).toEqual([expect.objectContaining({ provider: 'nora', org: 'acme', name: 'live', verifyPath: '/v2/api-keys' })]);
    expect(await vault.readSecret('nora/acme/live/backend')).toBe(key.secret);
  });

  it('refuses a new instance that already exists, storing no key', async () => {
    const home = tempHome();
    const vault = open(home);
    await vault.addInstance(noraLive());
    const before = await vaultState(home, keychain);
    await expect(vault.addKey({ newInstance: noraLive(), name: 'backend', secret: sampleKeys.nora('production') })).rejects.toMatchObject({ problem: { code: 'instance.exists', field: 'instance', ref: 'nora/acme/live' } });
    expect(await vaultState(home, keychain)).toEqual(before);
  });
});
