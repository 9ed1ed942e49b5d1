import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { cliFor } from '../../support/cli.js';
import { tempHome } from '../../support/temp-home.js';

describe('keyturn revoke names where the key is used by reference', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  async function vaultWithReferences() {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', emulators.nexora.baseUrl()]);
    const leaked = emulators.nexora.control.createKey({ name: 'ci' });
    await run(['key', 'add', 'nexora/acme/self', 'ci'], leaked.secret);
    const service = join(home, 'service');
    mkdirSync(service);
    const env = join(service, '.env');
    writeFileSync(env, 'PORT=1\nCI_KEY=keyturn://nexora/acme/self/ci\n');
    await run(['scan', service]);
    return { run, leaked, env };
  }

  it('a leaked key found by paste: its reference sites beside its swap targets, and after the revoke what to point elsewhere and restart', async () => {
    const { run, leaked, env } = await vaultWithReferences();
    const result = await run(['revoke', '--leaked', '--yes'], `curl -H "Authorization: Bearer ${leaked.secret}"\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`leaked key found: nexora/acme/self/ci (nxr_`);
    expect(result.stdout).toContain(`no swap targets recorded for it\nused by reference in: ${env}:2 CI_KEY\n`);
    expect(result.stdout).toMatch(/✔ the old key is rejected \(401\)/);
    expect(result.stdout).toContain(`its references no longer resolve (the key is revoked): point it at the new key, then restart the processes that use it: ${env}:2 CI_KEY\n`);
    expect(result.stdout).not.toContain(leaked.secret);
  });

  it('by ref too, before anything is asked', async () => {
    const { run, env } = await vaultWithReferences();
    // No terminal and no --yes: refused before revoking, after saying what uses the key.
    const refused = await run(['revoke', 'nexora/acme/self/ci']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`used by reference in: ${env}:2 CI_KEY\n`);
  });
});
