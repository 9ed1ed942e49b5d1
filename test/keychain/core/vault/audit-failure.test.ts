import { afterEach, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/http/undici-client.js';
import { ConfMetadataStore } from '../../../../electron/core/store/conf-metadata-store.js';
import { ensureVaultIdentity, keychainServiceFor } from '../../../../electron/core/store/home.js';
import { Vault } from '../../../../electron/core/vault/vault.js';
import { sampleKeys } from '../../../support/keys.js';
import { privateKeychain } from '../../../support/private-keychain.js';
import { tempHome } from '../../../support/temp-home.js';

const http = createHttpClient();
afterEach(async () => {
  await http.close();
});

it('an audit log that cannot be written never undoes or hides the action: the key is stored and the person is warned', async () => {
  const home = tempHome();
  const failing = { append: () => { throw new Error('no space left on device'); } };
  const vault = new Vault({ metadata: new ConfMetadataStore(home), secrets: privateKeychain(), keychainService: keychainServiceFor(ensureVaultIdentity(home)), http, clock: { now: () => new Date() }, audit: failing });
  await vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
  const secret = sampleKeys.xora();
  const { key } = await vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret });
  expect(await vault.readSecret(key.ref)).toBe(secret);
  expect(vault.warnings).toEqual(expect.arrayContaining([expect.stringContaining('the audit log could not record key.add (no space left on device): the action itself was done')]));
});
