import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { FileKeyConsumers } from '../../../../electron/core/node/run/consumer-leases.js';
import type { RotationInteraction } from '../../../../electron/core/rotation/interaction.js';
import { realSleep } from '../../../../electron/core/rotation/poll.js';
import { startEmulator, type NexoraEmulator } from '../../../emulators/index.js';
import { openTestCore } from '../../../support/core-ports.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { rotationEngineFor } from '../../../support/rotation-engine.js';
import { tempHome } from '../../../support/temp-home.js';

const LEASES = new URL('../../../../electron/core/node/run/consumer-leases.ts', import.meta.url).pathname;

/**
 * Another process holding a lease, as `keyturn run` does while its command runs: it opens the
 * lease, names the keys it resolved (none yet when `keyIds` is null), says "ready", and on a line on
 * its stdin says when it lets go (its clock is the test's), closes the lease and exits.
 */
async function leaseHolder(home: string, keyIds: string[] | null): Promise<ChildProcess> {
  const script = `
    const { openRunLease } = await import(${JSON.stringify(LEASES)});
    const lease = openRunLease(${JSON.stringify(home)}, '/usr/bin/consumer');
    ${keyIds ? `lease.resolved(${JSON.stringify(keyIds)});` : ''}
    process.stdout.write('ready\\n');
    process.stdin.once('data', () => { process.stdout.write('releasing at ' + Date.now() + '\\n'); lease.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString()).toBe('ready\n');
  return child;
}

describe('the revoke waits for processes started with the old key (keyturn run leases)', () => {
  let nexora: NexoraEmulator;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    nexora = await startEmulator('nexora', {});
  });
  afterAll(async () => {
    await nexora.close();
  });
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
  });

  let made = 0;
  async function setup() {
    const name = `svc-${++made}`;
    const home = tempHome();
    const http = createHttpClient({ maxRetries: 0 });
    const secrets = new MemorySecretStore();
    // A user of its own, so the provider's list (where the old key's id is found) holds only this key.
    const user = nexora.control.createUser({ email: `${name}@acme.test`, password: 'pw' });
    const old = nexora.control.createKey({ name, userId: user.id });
    const { vault } = openTestCore(home, { secrets, http });
    await vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self', env: 'sandbox', baseUrl: nexora.baseUrl() });
    const { key } = await vault.addKey({ instanceRef: 'nexora/acme/self', name, secret: old.secret });
    const warnings: string[] = [];
    const interaction: RotationInteraction = {
      confirmProduction: async () => true,
      pasteNewKey: async () => null,
      showRevokeGuide: () => undefined,
      confirmDespiteWarnings: async (w) => {
        warnings.push(...w);
        return false;
      },
      progress: () => undefined,
    };
    return { home, http, secrets, old, oldKeyId: key.id, ref: key.ref, warnings, interaction };
  }

  it('forbids revoking the old key while a process holds it, past the wait: it names the process and asks', async () => {
    const { home, http, secrets, old, oldKeyId, ref, warnings, interaction } = await setup();
    const holder = await leaseHolder(home, [oldKeyId]);
    children.push(holder);
    const engine = rotationEngineFor(home, http, 'the test', { secrets, sleep: realSleep, consumers: new FileKeyConsumers(home) });
    try {
      const rotation = await engine.start(ref, interaction, { revokeWaitMs: 1_000, consumerWaitMs: 400 });
      expect(rotation.steps.verify.status).toBe('done');
      expect(rotation.steps.revoke.status).toBe('failed');
      expect(warnings).toEqual([expect.stringContaining(`pid ${holder.pid} (consumer)`)]);
      expect(nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    } finally {
      await http.close();
    }
  });

  it('revokes once the process that held the old key has exited, with no question asked', async () => {
    const { home, http, secrets, old, oldKeyId, ref, warnings, interaction } = await setup();
    const holder = await leaseHolder(home, [oldKeyId]);
    children.push(holder);
    const released = once(holder.stdout!, 'data').then(([line]) => Number(/releasing at (\d+)/.exec(String(line))?.[1]));
    const engine = rotationEngineFor(home, http, 'the test', {
      secrets,
      sleep: realSleep,
      consumers: new FileKeyConsumers(home),
      // The consumer finishes its work just after the name moved to the new key.
      checkpoint: (name) => {
        if (name === 'verify:after') holder.stdin?.write('done\n');
      },
    });
    try {
      const rotation = await engine.start(ref, interaction, { revokeWaitMs: 5_000, consumerWaitMs: 10_000 });
      expect(warnings).toEqual([]);
      expect(rotation.steps.revoke, JSON.stringify(rotation.journal.slice(-3))).toMatchObject({ status: 'done' });
      expect(rotation.state).toBe('completed');
      expect(nexora.control.keys().find((k) => k.id === old.id)?.status).not.toBe('active');
      // It waited: the revoke began only once the process holding the old key had let it go.
      const revokeBegan = Date.parse(rotation.journal.find((e) => e.step === 'revoke' && e.event === 'begin')?.at ?? '');
      expect(revokeBegan).toBeGreaterThanOrEqual(await released);
    } finally {
      await http.close();
    }
  });

  it('a process still resolving its references counts as holding; other keys and dead processes do not', async () => {
    const home = tempHome();
    const consumers = new FileKeyConsumers(home);
    const resolving = await leaseHolder(home, null);
    const other = await leaseHolder(home, ['another-key']);
    const killed = await leaseHolder(home, ['the-key']);
    children.push(resolving, other, killed);
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    expect((await consumers.holding('the-key')).map((l) => l.pid)).toEqual([resolving.pid]);
    // The dead process's lease was removed by that read.
    expect(readdirSync(join(home, 'runs')).some((name) => name.startsWith(`${killed.pid}.`))).toBe(false);
    other.stdin?.write('done\n');
    await once(other, 'exit');
    expect(existsSync(join(home, 'runs'))).toBe(true);
    expect(readdirSync(join(home, 'runs')).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });
});
