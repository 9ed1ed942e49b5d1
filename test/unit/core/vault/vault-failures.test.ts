import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../../electron/core/ports/secret-store.js';
import type { MetadataStore } from '../../../../electron/core/store/metadata-store.js';
import { sampleKeys } from '../../../support/keys.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { tempHome, vaultState } from '../../../support/temp-home.js';
import { openTestVault, type TestVault } from '../../../support/vault.js';

/** A failure at any step of adding or removing a key leaves the vault as it was. */
describe('Vault: nothing is left behind when a step fails', () => {
  const opened: TestVault[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.http.close();
  });
  // The keychain in memory: what is tested is the vault's order of writes and undoing, not the keychain.
  const keychain = new MemorySecretStore();
  const open = (home: string, overrides: Parameters<typeof openTestVault>[1] = {}) => {
    const t = openTestVault(home, { keychain, ...overrides });
    opened.push(t);
    return t;
  };

  async function homeWithInstance() {
    const home = tempHome();
    const { vault } = open(home);
    await vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
    return home;
  }

  it('a keychain that refuses the write leaves no record and no secret', async () => {
    const home = await homeWithInstance();
    const before = await vaultState(home, keychain);
    const { vault } = open(home, {
      secrets: (real): SecretStore => ({ ...bind(real), set: async () => Promise.reject(new Error('org.freedesktop.Secret.Error.IsLocked')) }),
    });
    await expect(vault.addKey({ instanceRef: 'xora/acme/main', name: 'k', secret: sampleKeys.xora() })).rejects.toMatchObject({ problem: { code: 'keychain.write-failed', detail: 'org.freedesktop.Secret.Error.IsLocked' } });
    expect(await vaultState(home, keychain)).toEqual(before);
  });

  it('a keychain that reads back a different value leaves no record and removes what it wrote', async () => {
    const home = await homeWithInstance();
    const before = await vaultState(home, keychain);
    const { vault } = open(home, { secrets: (real): SecretStore => ({ ...bind(real), get: async () => 'something else' }) });
    await expect(vault.addKey({ instanceRef: 'xora/acme/main', name: 'k', secret: sampleKeys.xora() })).rejects.toMatchObject({ problem: { code: 'keychain.write-mismatch' } });
    expect(await vaultState(home, keychain)).toEqual(before);
  });

  it('a metadata write that fails after the keychain write takes the secret back out', async () => {
    const home = await homeWithInstance();
    const before = await vaultState(home, keychain);
    const { vault } = open(home, { metadata: failingWrites(new Error('ENOSPC: no space left on device')) });
    await expect(vault.addKey({ instanceRef: 'xora/acme/main', name: 'k', secret: sampleKeys.xora() })).rejects.toThrow(/ENOSPC/);
    expect(await vaultState(home, keychain)).toEqual(before);
  });

  it('a metadata write that fails during remove puts the secret back', async () => {
    const home = await homeWithInstance();
    await open(home).vault.addKey({ instanceRef: 'xora/acme/main', name: 'k', secret: sampleKeys.xora() });
    const before = await vaultState(home, keychain);
    const { vault } = open(home, { metadata: failingWrites(new Error('EIO: i/o error')) });
    await expect(vault.removeKey('xora/acme/main/k', { yes: true })).rejects.toThrow(/EIO/);
    expect(await vaultState(home, keychain)).toEqual(before);
  });
});

function bind(store: SecretStore): SecretStore {
  return {
    get: (s, a) => store.get(s, a),
    set: (s, a, v) => store.set(s, a, v),
    delete: (s, a) => store.delete(s, a),
  };
}

/** The real store, except that every write fails after the change ran (a full or failing disk). */
function failingWrites(error: Error) {
  return (real: MetadataStore): MetadataStore => ({
    location: real.location,
    read: () => real.read(),
    update: (change) =>
      real.update(async (doc) => {
        await change(doc);
        throw error;
      }),
  });
}
