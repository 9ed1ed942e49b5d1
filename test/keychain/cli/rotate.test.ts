import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { cliFor } from '../../support/cli.js';
import { tempHome, vaultState } from '../../support/temp-home.js';

interface Listed { id: string; name: string; status: string; maskedKey: string }

describe('keyturn rotate', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  afterEach(() => {
    for (const e of [emulators.xora, emulators.nexora, emulators.nora, emulators.xerotier]) e.control.clearFaults();
  });

  const nexoraVault = () => nexoraKeyWithTarget(emulators.nexora, { env: 'production', name: 'backend', variable: 'NEXORA_API_KEY' });


  async function noraVault() {
    const home = tempHome();
    const run = cliFor(home);
    const old = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', NORA_KEYS_PATH]);
    await run(['key', 'add', 'nora/acme/live', 'backend'], old.secret);
    mkdirSync(join(home, 'svc'));
    const env = join(home, 'svc', '.env');
    writeFileSync(env, `# nora\r\nexport NORA_KEY='${old.secret}'\r\nOTHER=1\r\n`);
    await run(['target', 'add', 'nora/acme/live/backend', 'dotenv', env, 'NORA_KEY']);
    return { home, run, old, env };
  }

  it('rotates a Nexora key by API with no downtime: create, swap, verify, then revoke', async () => {
    const { run, user, old, env } = await nexoraVault();
    const result = await run(['rotate', 'nexora/acme/self/backend', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/rotation complete/);
    expect(result.stderr).toMatch(/✔ Create new key: the new key nxr_.* is saved in the keychain/);
    const newSecret = (await run(['key', 'get', 'nexora/acme/self/backend'])).stdout.trim();
    expect(newSecret).not.toBe(old.secret);
    expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${newSecret}\n`);
    expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id).map((k) => [k.secret === newSecret, k.status])).toEqual([[false, 'revoked'], [true, 'active']]);
    const keys = JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
    expect(keys.map((k) => [k.name.replace(/\d{8}-\d{4}$/, 'STAMP'), k.status])).toEqual([['backend.previous-STAMP', 'revoked'], ['backend', 'active']]);
    const shown = JSON.parse((await run(['key', 'show', 'nexora/acme/self/backend', '--json'])).stdout) as { rotations: { state: string; steps: Record<string, { status: string; path?: string }> }[] };
    expect(shown.rotations).toEqual([expect.objectContaining({ state: 'completed', steps: expect.objectContaining({ create: expect.objectContaining({ status: 'done', path: 'api' }) }) })]);
    expect((await run(['key', 'show', 'nexora/acme/self/backend'])).stdout).toMatch(/rotations\s+\n\s+\d{4}-.* completed .* create by api, create done, swap done, verify done, revoke done/);
  });

  it('never revokes the old key before the new one is verified', async () => {
    const { run, user, old } = await nexoraVault();
    // The new key's verify call fails: the provider is down after the create.
    emulators.nexora.control.setFault({ status: 503, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
    const stopped = await run(['rotate', 'nexora/acme/self/backend', '--yes']);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/rotation stopped at swap failed: the new key is not proven to work \(unknown/);
    expect(stopped.stdout).toMatch(/resume with: keyturn rotate nexora\/acme\/self\/backend --resume/);
    expect(emulators.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    expect(emulators.nexora.control.requests().filter((r) => r.method === 'DELETE' && r.authKeyId !== null && r.path.endsWith(old.id))).toHaveLength(0);

    const second = await run(['rotate', 'nexora/acme/self/backend', '--yes']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already in progress \(swap failed/);

    emulators.nexora.control.clearFaults();
    const resumed = await run(['rotate', 'nexora/acme/self/backend', '--resume', '--yes']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
  });

  it('a create whose answer was lost (reset after the provider made the key) leaves no orphan after resume', async () => {
    const { run, user } = await nexoraVault();
    emulators.nexora.control.setFault({ resetAfterReceive: true, method: 'POST', times: 1 });
    const stopped = await run(['rotate', 'nexora/acme/self/backend', '--yes']);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/create failed/);
    const resumed = await run(['rotate', 'nexora/acme/self/backend', '--resume', '--yes']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const mine = emulators.nexora.control.keys().filter((k) => k.userId === user.id);
    expect(mine.filter((k) => k.status === 'active')).toHaveLength(1);
  });

  it('rotates a Nora production key guided: pasted key saved, swapped, verified, revoked in the dashboard, proven by 401', async () => {
    const { run, old, env } = await noraVault();
    const fresh = emulators.nora.control.createKey({ name: 'backend-2026-11', env: 'production', org: 'acme' });
    const result = await run(['rotate', 'nora/acme/live/backend', '--yes', '--new-key-stdin', '--revoke-wait', '10'], `${fresh.secret}\n`, (text) => {
      // The person follows the guide: revoke in the dashboard.
      if (text.includes('Revoke the old key in the dashboard')) emulators.nora.control.revokeKey(old.id);
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Sidebar → API Keys/);
    expect(readFileSync(env, 'utf8')).toBe(`# nora\r\nexport NORA_KEY='${fresh.secret}'\r\nOTHER=1\r\n`);
    expect((await run(['key', 'get', 'nora/acme/live/backend'])).stdout).toBe(`${fresh.secret}\n`);
  });

  it('refuses a pasted key of the wrong environment as bad input (exit 2) and changes nothing', async () => {
    const { home, run, old, env } = await noraVault();
    const before = await vaultState(home);
    const sandbox = emulators.nora.control.createKey({ name: 'x', env: 'sandbox', org: 'acme' });
    const result = await run(['rotate', 'nora/acme/live/backend', '--yes', '--new-key-stdin'], sandbox.secret);
    expect(result.code).toBe(2);
    // The new-key check's own refusal, with key add's ending: nothing was stored (nor recorded).
    expect(result.stderr).toMatch(/^keyturn: this is a sandbox key \(sk_test_\) but the instance is production.*; nothing was stored\n$/);
    expect(readFileSync(env, 'utf8')).toContain(old.secret);
    expect(await vaultState(home)).toEqual(before);
    expect(JSON.parse((await run(['rotation', 'status', '--json'])).stdout)).toEqual([]);
  });

  it('refuses a wrong-environment key given to a resume as bad input, leaving the rotation as it was', async () => {
    const { home, run } = await noraVault();
    // Without a terminal or --new-key-stdin the guided create stops, waiting for the key.
    expect((await run(['rotate', 'nora/acme/live/backend', '--yes'])).code).toBe(1);
    const before = await vaultState(home);
    const sandbox = emulators.nora.control.createKey({ name: 'x', env: 'sandbox', org: 'acme' });
    const result = await run(['rotate', 'nora/acme/live/backend', '--resume', '--yes', '--new-key-stdin'], sandbox.secret);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^keyturn: this is a sandbox key .*; nothing was stored\n$/);
    expect(await vaultState(home)).toEqual(before);
  });

  it('asks for the production instance name to be typed back; without a terminal it needs --yes', async () => {
    const { run } = await noraVault();
    const result = await run(['rotate', 'nora/acme/live/backend', '--new-key-stdin'], 'sk_live_x');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PRODUCTION instance: pass --yes/);
    expect(JSON.parse((await run(['rotation', 'status', '--json'])).stdout)).toEqual([]);
  });

  it('says plainly when the old key still works after the wait', async () => {
    const { run } = await noraVault();
    const fresh = emulators.nora.control.createKey({ name: 'n', env: 'production', org: 'acme' });
    const result = await run(['rotate', 'nora/acme/live/backend', '--yes', '--new-key-stdin', '--revoke-wait', '1'], fresh.secret);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/revoke failed: the key still works after 1 s: revoke it in the dashboard, then resume/);
    const status = await run(['rotation', 'status']);
    expect(status.stdout).toMatch(/nora\/acme\/live\/backend .* in-progress +revoke failed/);
  });

  it('rotates in place only when asked, and warns that the old key dies at once', async () => {
    const { run, old } = await nexoraVault();
    const refused = await run(['rotate', 'nexora/acme/self/backend', '--in-place']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/invalidates the old key the moment/);
    const result = await run(['rotate', 'nexora/acme/self/backend', '--in-place', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: in-place rotation/);
    const rotated = emulators.nexora.control.keys().find((k) => k.id === old.id);
    expect(rotated?.secret).not.toBe(old.secret);
  });
});
