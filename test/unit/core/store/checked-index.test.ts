import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vaultDocumentSchema, type Instance, type KeyRecord, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { DOCUMENT_RULES_REVISION, serializeIndexed } from '../../../../electron/core/node/store/checked-index.js';
import { ConfMetadataStore } from '../../../../electron/core/node/store/conf-metadata-store.js';
import { tempHome } from '../../../support/temp-home.js';

const now = new Date().toISOString();
const instance: Instance = { id: randomUUID(), provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: 'https://api.nora.finance', createdAt: now };
const record = (name: string): KeyRecord => ({
  id: randomUUID(), instanceId: instance.id, name, maskedKey: 'sk_live_ab12…', fingerprint: randomBytes(32).toString('hex'), createdAt: now, status: 'active', targets: [],
});

/** A home whose vault.json Keyturn wrote (and so checked) with these key names. */
async function writtenVault(names: string[]): Promise<{ home: string; keys: KeyRecord[] }> {
  const home = tempHome();
  const keys = names.map(record);
  await new ConfMetadataStore(home).update((doc) => ({ doc: { ...doc, instances: [instance], keys }, result: undefined }));
  return { home, keys };
}

type RawDoc = VaultDocument & { keys: Record<string, unknown>[] };
const rawOf = (home: string) => JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as RawDoc;

describe('reading one key of a vault.json the last write checked', () => {
  it('writes exactly the JSON it wrote before, so the file format does not change', () => {
    const doc = { schemaVersion: 1, instances: [instance], keys: [record('a'), record('b…é')], customProviders: [], rotations: [], skipped: undefined };
    expect(serializeIndexed(doc).text).toBe(JSON.stringify(doc));
  });

  it('finds the key by reference or id with only the records it could be, and the rest of the document whole', async () => {
    const { home, keys } = await writtenVault(['ci', 'deploy', 'backup']);
    const store = new ConfMetadataStore(home);
    const full = new ConfMetadataStore(home).read();
    const byRef = store.readForKey('nora/acme/live/deploy');
    expect(byRef.keys).toEqual([full.keys[1]]);
    expect({ ...byRef, keys: [] }).toEqual({ ...full, keys: [] });
    expect(store.readForKey(keys[2]?.id ?? '').keys).toEqual([full.keys[2]]);
    expect(store.readForKey('nora/acme/live/none').keys).toEqual([]);
    expect(store.damage()).toEqual([]);
  });

  it('a hand-edited file is checked record by record: a damaged other record is reported, the target is found', async () => {
    const { home } = await writtenVault(['ci', 'deploy']);
    const raw = rawOf(home);
    (raw.keys[0] as Record<string, unknown>).fingerprint = 'not-hex';
    writeFileSync(join(home, 'vault.json'), JSON.stringify(raw));
    const store = new ConfMetadataStore(home);
    expect(store.readForKey('nora/acme/live/deploy').keys.map((k) => k.name)).toEqual(['deploy']);
    expect(store.damage()).toEqual([expect.stringMatching(/^keys\[0\] \(id [^,]+, name ci\): fingerprint: /)]);
  });

  it('a damaged target record is left out and reported, even when the edit keeps the file size', async () => {
    const { home } = await writtenVault(['ci', 'deploy']);
    const text = readFileSync(join(home, 'vault.json'), 'utf8');
    // Same length, same place: the index's byte ranges would still fit, but the file is not the checked one.
    writeFileSync(join(home, 'vault.json'), text.replace('"status":"active"', '"status":"ACTIVE"'));
    const store = new ConfMetadataStore(home);
    expect(store.readForKey('nora/acme/live/ci').keys.map((k) => k.name)).toEqual(['deploy']);
    expect(store.damage()).toEqual([expect.stringMatching(/^keys\[0\] \(id [^,]+, name ci\): status: /)]);
  });

  it('a copy of both files (another inode) is trusted by its SHA-256, and a stale record of another file is not', async () => {
    const { home } = await writtenVault(['ci']);
    const copy = tempHome();
    copyFileSync(join(home, 'vault.json'), join(copy, 'vault.json'));
    copyFileSync(join(home, 'vault.checked.json'), join(copy, 'vault.checked.json'));
    expect(new ConfMetadataStore(copy).readForKey('nora/acme/live/ci').keys.map((k) => k.name)).toEqual(['ci']);

    const other = await writtenVault(['ci']);
    copyFileSync(join(other.home, 'vault.checked.json'), join(home, 'vault.checked.json'));
    const raw = rawOf(home);
    (raw.keys[0] as Record<string, unknown>).expiresOn = 'soon';
    writeFileSync(join(home, 'vault.json'), JSON.stringify(raw));
    const store = new ConfMetadataStore(home);
    expect(store.readForKey('nora/acme/live/ci').keys.map((k) => k.name)).not.toContain('ci');
    expect(store.damage()).toEqual([expect.stringMatching(/^keys\[0\] \(id [^,]+, name ci\): expiresOn: /)]);
  });

  it('the rules revision changes with the document schema', () => {
    // When this fails, a schema of the vault document changed: if it now accepts less than before,
    // raise DOCUMENT_RULES_REVISION (files checked under the old rules are then checked again); then
    // pin the new hash here.
    const hash = createHash('sha256').update(JSON.stringify(z.toJSONSchema(vaultDocumentSchema, { unrepresentable: 'any', io: 'input' }))).digest('hex');
    expect({ revision: DOCUMENT_RULES_REVISION, hash }).toEqual({ revision: 6, hash: '589af68cfb8a63514bb71bafcf633e2ce4e46477014be03482473d42669b0e69' });
  });
});
