import { describe, expect, it } from 'vitest';
import { emptyVaultDocument, type Instance, type VaultDocument } from '../../../../electron/core/domain/model.js';
import type { MetadataStore } from '../../../../electron/core/ports/metadata-store.js';
import { setInstanceVerifyPath } from '../../../../electron/core/vault/instance-settings.js';
import { problemWith } from '../../../support/problem-match.js';

const instance = (provider: string, name: string): Instance => ({ id: `${provider}-${name}`, provider, org: 'acme', name, env: 'production', baseUrl: 'https://api.example.test', createdAt: new Date(0).toISOString() });

function memoryMetadata(doc: VaultDocument): MetadataStore & { doc: VaultDocument } {
  return {
    location: 'memory',
    doc,
    read() {
      return this.doc;
    },
    async update(change) {
      const { doc: next, result } = await change(structuredClone(this.doc));
      if (next) this.doc = next;
      return result;
    },
  };
}

describe("an instance's verify path", () => {
  const doc: VaultDocument = {
    ...emptyVaultDocument(),
    instances: [instance('nora', 'live'), instance('xerotier', 'main'), instance('custom:acme', 'own')],
    customProviders: [{ name: 'acme', headerName: 'X-Key', baseUrls: {}, verifyPath: '/me' }],
  };

  it("is set where the provider's profile takes one (Nora, a provider someone described)", async () => {
    const metadata = memoryMetadata(doc);
    await expect(setInstanceVerifyPath({ metadata }, 'nora/acme/live', '/v2/me')).resolves.toEqual({ ref: 'nora/acme/live', verifyUrl: 'https://api.example.test/v2/me' });
    await expect(setInstanceVerifyPath({ metadata }, 'custom:acme/acme/own', '/whoami')).resolves.toMatchObject({ verifyUrl: expect.stringMatching(/\/whoami$/) });
    expect(metadata.doc.instances.map((i) => i.verifyPath)).toEqual(['/v2/me', undefined, '/whoami']);
  });

  it("forbids one where the provider's verify call is fixed, naming the provider and those that take one by their display names", async () => {
    const metadata = memoryMetadata(doc);
    await expect(setInstanceVerifyPath({ metadata }, 'xerotier/acme/main', '/v1/me')).rejects.toEqual(
      problemWith('instance.verify-path-fixed', { field: 'verifyPath', ref: 'xerotier/acme/main', provider: 'Xerotier', configurable: ['Nora'] }),
    );
    expect(metadata.doc).toBe(doc);
  });
});
