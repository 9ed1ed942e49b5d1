import * as fs from 'node:fs';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { describe, expect, it, vi } from 'vitest';
import { ConfMetadataStore } from '../../../../electron/core/node/store/conf-metadata-store.js';
import { cliFor } from '../../../support/cli.js';
import { tempHome } from '../../../support/temp-home.js';

// Counts how often the vault home is listed; every call goes to the real function.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const readdirSync = vi.fn(real.readdirSync);
  return { ...real, default: { ...real, readdirSync }, readdirSync };
});

// The name conf's atomic writer gives its temporary file: `<file>.tmp-<10 digits><6 hex>`.
const tempName = 'vault.json.tmp-1764580000abc123';

describe('temporary files a killed write left behind', () => {
  it('are removed at the next open', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    writeFileSync(join(home, tempName), '{"partial":');
    const other = join(home, 'vault.json.tmp-notours');
    writeFileSync(other, 'x');

    expect((await run(['instance', 'list'])).code).toBe(0);
    expect(existsSync(join(home, tempName))).toBe(false);
    // Only names the writer makes are ours to remove.
    expect(existsSync(other)).toBe(true);
  });

  it('are left alone while another process holds the vault lock (its write may be under way)', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    writeFileSync(join(home, tempName), '{"partial":');
    const release = await lockfile.lock(home, { lockfilePath: join(home, 'vault.lock'), realpath: false, stale: 10_000 });
    try {
      expect((await run(['instance', 'list'])).code).toBe(0);
      expect(existsSync(join(home, tempName))).toBe(true);
    } finally {
      await release();
    }
    expect((await run(['instance', 'list'])).code).toBe(0);
    expect(existsSync(join(home, tempName))).toBe(false);
  });

  it('a killed vault-id.json write (recover-id) is removed at the next open too', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    const identityTemp = join(home, 'vault-id.json.tmp-4242-abc123');
    writeFileSync(identityTemp, '{"vaultId":');
    expect((await run(['instance', 'list'])).code).toBe(0);
    expect(existsSync(identityTemp)).toBe(false);
  });

  it('a write does not list the vault home again: the cleanup runs at open only', async () => {
    const home = tempHome();
    const store = new ConfMetadataStore(home);
    const listings = () => vi.mocked(fs.readdirSync).mock.calls.filter(([dir]) => dir === home).length;
    const atOpen = listings();
    for (let i = 0; i < 3; i++) await store.update((doc) => ({ doc, result: undefined }));
    expect(listings()).toBe(atOpen);
  });
});
