import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleKeys } from '../../../support/keys.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { tempHome } from '../../../support/temp-home.js';
import { openTestVault, type TestVault } from '../../../support/vault.js';

/** A command target is the program found where it was added, wherever a rotation later runs from. */
describe('Vault.addTarget with a command', () => {
  const opened: TestVault[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.http.close();
  });

  it('forbids a relative program path from meaning another program later: ./bin/put-secret is stored whole', async () => {
    const opened1 = openTestVault(tempHome(), { keychain: new MemorySecretStore() });
    opened.push(opened1);
    const { vault } = opened1;
    await vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'sandbox' });
    await vault.addKey({ instanceRef: 'xora/acme/main', name: 'ci', secret: sampleKeys.xora() });
    const project = tempHome();
    mkdirSync(join(project, 'bin'));
    writeFileSync(join(project, 'bin', 'put-secret'), '#!/bin/sh\ncat >/dev/null\n', { mode: 0o755 });
    const target = await vault.addTarget('xora/acme/main/ci', { kind: 'command', command: './bin/put-secret', args: ['app'] }, project);
    expect(target).toMatchObject({ kind: 'command', command: join(project, 'bin', 'put-secret'), args: ['app'] });
    // A name to look up on PATH stays a name.
    expect(await vault.addTarget('xora/acme/main/ci', { kind: 'command', command: 'sh', args: ['-c', 'cat >/dev/null'] }, project)).toMatchObject({ command: 'sh' });
  });
});
