import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAllEmulators, type AllEmulators } from '../../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../../support/nexora-fixture.js';
import { tempHome } from '../../../support/temp-home.js';

/** Provider and target faults during each step end in a clear state the user can resume from. */
describe('rotation faults: a clear state, then resume', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  afterEach(() => emulators.nexora.control.clearFaults());

  async function setUp() {
    const { home, run, user, old } = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name: 'svc', variable: 'KEY' });
    const finish = async () => {
      emulators.nexora.control.clearFaults();
      const resumed = await run(['rotate', 'nexora/acme/self/svc', '--resume']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
      expect(emulators.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
    };
    return { home, run, old, finish };
  }

  it('create: a 503 on the create call is not retried blindly; the rotation stops at create', async () => {
    const { run, finish } = await setUp();
    emulators.nexora.control.setFault({ status: 503, method: 'POST' });
    const result = await run(['rotate', 'nexora/acme/self/svc']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/rotation stopped at create failed: Nexora create key answered 503/);
    expect(emulators.nexora.control.requests().filter((r) => r.method === 'POST' && r.status === 503)).toHaveLength(1);
    await finish();
  });

  it('create: a 429 on the key list used to reconcile stops with the reason', async () => {
    const { run, finish } = await setUp();
    emulators.nexora.control.setFault({ resetAfterReceive: true, method: 'POST', times: 1 });
    await run(['rotate', 'nexora/acme/self/svc']);
    emulators.nexora.control.setFault({ status: 429, retryAfterSeconds: 0, method: 'GET' });
    const result = await run(['rotate', 'nexora/acme/self/svc', '--resume']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/create failed: could not check whether an earlier attempt created/);
    await finish();
  });

  it('swap: a command target that fails stops before verify; the old key still works', async () => {
    const { run, old, finish } = await setUp();
    const flag = join(tempHome(), 'ok');
    await run(['target', 'add', 'nexora/acme/self/svc', 'command', '--', process.execPath, '-e', `process.exit(require('fs').existsSync(${JSON.stringify(flag)}) ? 0 : 4)`]);
    const result = await run(['rotate', 'nexora/acme/self/svc']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/swap failed: 1 target\(s\) could not be written: the command exited with 4/);
    expect(emulators.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    writeFileSync(flag, '');
    await finish();
  });

  it('a provider answering 429 to the new key proves nothing; the rotation stops before the swap', async () => {
    const { run, finish } = await setUp();
    emulators.nexora.control.addFault({ status: 429, retryAfterSeconds: 0, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
    // The create (POST) goes through; the verify GET is rate limited.
    const result = await run(['rotate', 'nexora/acme/self/svc']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/swap failed: the new key is not proven to work \(unknown: .*429/);
    await finish();
  });

  it('revoke: a reset after Nexora revoked the key is resumed without revoking twice', async () => {
    const { run, old, finish } = await setUp();
    emulators.nexora.control.setFault({ resetAfterReceive: true, method: 'DELETE', times: 1 });
    const result = await run(['rotate', 'nexora/acme/self/svc']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/revoke failed: Nexora revoke key: connection reset/);
    await finish();
    expect(emulators.nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith(old.id))).toHaveLength(1);
  });

  it('revoke: a 500 on the revoke call stops at revoke with the reason', async () => {
    const { run, finish } = await setUp();
    emulators.nexora.control.setFault({ status: 500, method: 'DELETE' });
    const result = await run(['rotate', 'nexora/acme/self/svc']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/revoke failed: Nexora revoke key answered 500/);
    await finish();
  });
});
