import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeyConsumers } from '../../../electron/core/node/run/consumer-leases.js';
import { ConfMetadataStore } from '../../../electron/core/node/store/conf-metadata-store.js';
import { cliFor, spawnCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

/**
 * `keyturn run` holds a lease on the keys it handed out while its command runs, so a rotation
 * waits for it before revoking the old key (test/unit/core/rotation/consumers-wait.test.ts).
 */
describe('keyturn run leases the keys it hands out', () => {
  it('names the keys while the command runs, and leaves nothing once it has exited', async () => {
    const home = tempHome();
    const run = cliFor(home);
    expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'])).code).toBe(0);
    expect((await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], sampleKeys.nora('production'))).code).toBe(0);
    const keyId = new ConfMetadataStore(home).read().keys[0]?.id ?? '';
    const envFile = join(home, '.env');
    writeFileSync(envFile, 'NORA_API_KEY=keyturn://nora/acme/live/backend\nPORT=8080\n');
    const consumers = new FileKeyConsumers(home);
    expect(await consumers.holding(keyId)).toEqual([]);

    // A command that says it started, then waits for a line on its stdin.
    const spawned = spawnCli(['--home', home, 'run', '--quiet', '--env-file', envFile, '--', process.execPath, '-e', "process.stdout.write('started\\n'); process.stdin.once('data', () => process.exit(0))"]);
    await spawned.waitFor('stdout', 'started');
    const held = await consumers.holding(keyId);
    expect(held).toEqual([expect.objectContaining({ pid: spawned.child.pid, program: 'node', keyIds: [keyId] })]);
    expect(await consumers.holding('another-key')).toEqual([]);

    spawned.child.stdin?.write('done\n');
    expect((await spawned.exited).code).toBe(0);
    expect(await consumers.holding(keyId)).toEqual([]);
  });
});
