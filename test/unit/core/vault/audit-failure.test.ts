import { afterEach, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { sampleKeys } from '../../../support/keys.js';
import { fullDiskAuditLog } from '../../../support/core-ports.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { tempHome } from '../../../support/temp-home.js';
import { openTestVault } from '../../../support/vault.js';

const http = createHttpClient();
afterEach(async () => {
  await http.close();
});

it('an audit log that cannot be written never undoes or hides the action: the key is stored and the person is warned', async () => {
  const { vault, logger } = openTestVault(tempHome(), { keychain: new MemorySecretStore(), http, auditLog: fullDiskAuditLog });
  await vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
  const secret = sampleKeys.xora();
  const { key } = await vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret });
  expect(await vault.readSecret(key.ref)).toBe(secret);
  expect(await vault.revealSecret(key.ref, 'key.reveal')).toBe(secret);
  expect(logger.problems.map((p) => p.code === 'audit.unrecorded' && p.action)).toEqual(['instance.add', 'key.add', 'key.reveal']);
  expect(logger.problems[0]).toEqual({ code: 'audit.unrecorded', action: 'instance.add', reason: 'ENOSPC: no space left on device, write' });
});
