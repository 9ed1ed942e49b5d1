import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainServiceFor } from '../../../../electron/core/node/store/home.js';
import { startAllEmulators, type AllEmulators } from '../../../emulators/index.js';
import { cliFor } from '../../../support/cli.js';
import { keychainEntries } from '../../../support/private-keychain.js';
import { tempHome, vaultIdOf } from '../../../support/temp-home.js';
import { rotateInChild } from '../../../support/rotate-in-child.js';
import { noraKeyWithTarget } from '../../../support/nora-fixture.js';


const valueOf = (file: string, variable: string) => readFileSync(file, 'utf8').match(new RegExp(`^(?:export )?${variable}="?([^"\\n\\r]*)"?`, 'm'))?.[1] ?? null;

describe('a rotation killed at any point resumes to the end, losing nothing', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  async function setUpNexora() {
    const home = tempHome();
    const run = cliFor(home);
    // A user of its own, so the provider's key list holds only this test's keys.
    const user = emulators.nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
    const old = emulators.nexora.control.createKey({ name: 'backend', userId: user.id });
    expect((await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'sandbox', '--base-url', emulators.nexora.baseUrl()])).code).toBe(0);
    expect((await run(['key', 'add', 'nexora/acme/self', 'backend'], old.secret)).code).toBe(0);
    const app = join(home, 'app');
    mkdirSync(app);
    const files = [join(app, '.env'), join(app, 'worker.env')];
    writeFileSync(files[0] as string, `# app\nPORT=8080\nNEXORA_API_KEY=${old.secret}\nDEBUG=false\n`);
    writeFileSync(files[1] as string, `export NEXORA_KEY="${old.secret}"\r\n`);
    expect((await run(['target', 'add', 'nexora/acme/self/backend', 'dotenv', files[0] as string, 'NEXORA_API_KEY'])).code).toBe(0);
    expect((await run(['target', 'add', 'nexora/acme/self/backend', 'dotenv', files[1] as string, 'NEXORA_KEY'])).code).toBe(0);
    return { home, run, old, user, targets: [[files[0], 'NEXORA_API_KEY'], [files[1], 'NEXORA_KEY']] as [string, string][] };
  }

  const apiCheckpoints = [
    'create:before', 'create:before-request', 'create:provider-created', 'create:keychain-written', 'create:after',
    'swap:before', 'swap:after-target-0', 'swap:after-target-1', 'swap:after',
    'verify:before', 'verify:after', 'revoke:before', 'revoke:provider-revoked', 'revoke:after',
  ];

  for (const crashAt of apiCheckpoints) {
    it(`Nexora API rotation killed at ${crashAt}`, async () => {
      const { home, run, old, user, targets } = await setUpNexora();
      const crashed = await rotateInChild({ home, ref: 'nexora/acme/self/backend', crashAt });
      expect(crashed.signal, crashed.out).toBe('SIGKILL');
      const heldAtCrash = targets.map(([file, variable]) => valueOf(file, variable));

      const resumed = await rotateInChild({ home, ref: 'nexora/acme/self/backend', resume: true });
      if (crashAt === 'revoke:after') {
        // Everything was done before the kill: nothing is left to resume.
        expect(resumed.out).toContain(`refused ${JSON.stringify({ code: 'rotation.not-in-progress', ref: 'nexora/acme/self/backend' })}`);
      } else {
        expect(resumed.code, resumed.out).toBe(0);
      }

      const keys = JSON.parse((await run(['key', 'list', '--json'])).stdout) as { id: string; name: string; status: string; remoteId: string | null }[];
      const current = keys.find((k) => k.name === 'backend');
      expect(current?.status).toBe('active');
      const secrets = await keychainEntries(keychainServiceFor(vaultIdOf(home)));
      const newSecret = secrets[current?.id ?? ''];
      expect(newSecret).toBeDefined();
      expect(newSecret).not.toBe(old.secret);
      // The old key's secret left the keychain with its revocation; its record says revoked.
      expect(Object.values(secrets)).not.toContain(old.secret);
      expect(keys.filter((k) => k.status === 'revoked')).toHaveLength(1);

      for (const [i, [file, variable]] of targets.entries()) {
        expect([old.secret, newSecret]).toContain(heldAtCrash[i]);
        expect(valueOf(file, variable)).toBe(newSecret);
      }
      expect(readFileSync(targets[0]?.[0] as string, 'utf8')).toBe(`# app\nPORT=8080\nNEXORA_API_KEY=${newSecret}\nDEBUG=false\n`);
      expect(readFileSync(targets[1]?.[0] as string, 'utf8')).toBe(`export NEXORA_KEY="${newSecret}"\r\n`);

      // At the provider: the old key revoked exactly once, the new one live, no orphan left behind.
      const deletes = emulators.nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${old.id}`));
      expect(deletes).toHaveLength(1);
      const live = emulators.nexora.control.keys().filter((k) => k.status === 'active' && k.userId === user.id);
      expect(live.map((k) => k.secret)).toEqual([newSecret]);
    }, 30_000);
  }

  const guidedCheckpoints = ['create:before', 'create:keychain-written', 'create:after', 'swap:after-target-0', 'verify:after', 'revoke:before', 'revoke:after'];

  for (const crashAt of guidedCheckpoints) {
    it(`guided Nora production rotation killed at ${crashAt}`, async () => {
      const { home, run, org, old, env } = await noraKeyWithTarget(emulators.nora);
      // The person created the new key in the dashboard and pastes it; revokes when the guide says so.
      const fresh = emulators.nora.control.createKey({ name: 'backend-next', env: 'production', org });
      const config = {
        home,
        ref: `nora/${org}/live/backend`,
        newKey: fresh.secret,
        revokeViaControl: { controlUrl: emulators.nora.controlUrl, controlToken: emulators.nora.controlToken, keyId: old.id },
      };
      const crashed = await rotateInChild({ ...config, crashAt });
      expect(crashed.signal, crashed.out).toBe('SIGKILL');
      expect([old.secret, fresh.secret]).toContain(valueOf(env, 'NORA_KEY'));
      const resumed = await rotateInChild({ ...config, resume: true });
      if (crashAt === 'revoke:after') expect(resumed.out).toContain(`refused ${JSON.stringify({ code: 'rotation.not-in-progress', ref: `nora/${org}/live/backend` })}`);
      else expect(resumed.code, resumed.out).toBe(0);

      expect(valueOf(env, 'NORA_KEY')).toBe(fresh.secret);
      expect((await run(['key', 'get', `nora/${org}/live/backend`])).stdout).toBe(`${fresh.secret}\n`);
      expect(emulators.nora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
      expect(emulators.nora.control.keys().find((k) => k.id === fresh.id)?.status).toBe('active');
      const statuses = (JSON.parse((await run(['key', 'list', '--json'])).stdout) as { status: string }[]).map((k) => k.status).sort();
      expect(statuses).toEqual(['active', 'revoked']);
    }, 30_000);
  }
});
