import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { cliFor } from '../../../support/cli.js';
import { tempHome } from '../../../support/temp-home.js';

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
});
