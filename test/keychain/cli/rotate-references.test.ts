import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';

interface Site { file: string; line: number; by: 'name' | 'id'; variable?: string }
interface Shown { id: string; status: string; referenceSites: Site[] }
interface Listed { id: string; ref: string; status: string }

describe('keyturn rotate with reference sites', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  /** A Nexora key with its .env swap target, and a service that names it by reference: by name twice, by id once. */
  async function vaultWithReferences(env: 'sandbox' | 'production') {
    const fixture = await nexoraKeyWithTarget(emulators.nexora, { env, name: 'backend', variable: 'NEXORA_API_KEY' });
    const { run, home } = fixture;
    const { id } = JSON.parse((await run(['key', 'show', 'nexora/acme/self/backend', '--json'])).stdout) as Shown;
    const service = join(home, 'service');
    mkdirSync(service);
    const serviceEnv = join(service, '.env');
    writeFileSync(serviceEnv, `API_KEY=keyturn://nexora/acme/self/backend\nexport WORKER_KEY="keyturn://nexora/acme/self/backend"\nPINNED=keyturn://id/${id}\n`);
    const scanned = await run(['scan', service]);
    expect(scanned.code, scanned.stderr).toBe(0);
    return { ...fixture, oldId: id, serviceEnv };
  }

  it('by-name sites follow to the new key and are listed to restart; a by-id site stays with the old key and is warned about before the revoke', async () => {
    const { run, oldId, serviceEnv } = await vaultWithReferences('production');
    const result = await run(['rotate', 'nexora/acme/self/backend', '--yes']);
    expect(result.code, result.stderr).toBe(0);

    const sites = `  ${serviceEnv}:1 API_KEY\n  ${serviceEnv}:2 WORKER_KEY\n`;
    const follows = `2 references follow automatically; restart the processes that use them:\n${sites}`;
    // At the swap step: they follow, but only once the name moves (until the verify they still give the old key).
    expect(result.stderr).toContain(
      `✔ Swap it in: 1 target(s) hold the new key\n2 references follow automatically once the new key is verified (until then they name the old key); restart the processes that use them after that:\n${sites}`,
    );
    // Once verified, before the revoke: restart them now; the by-id one is warned about on the verify's line.
    const warning = `keyturn://id/${oldId} in ${serviceEnv}:3 (PINNED) names the old key and will stop working when it is revoked: change it to keyturn://nexora/acme/self/backend`;
    expect(result.stderr).toContain(`✔ Check it works: the new key works; ${warning}\n${follows}… Revoke the old key: revoking the old key\n`);
    // And in the summary.
    expect(result.stdout).toContain(follows);
    expect(result.stderr).toContain(`warning: ${warning}\n`);

    const current = JSON.parse((await run(['key', 'show', 'nexora/acme/self/backend', '--json'])).stdout) as Shown;
    expect(current.id).not.toBe(oldId);
    expect(current.referenceSites.map((s) => [s.line, s.by, s.variable])).toEqual([[1, 'name', 'API_KEY'], [2, 'name', 'WORKER_KEY']]);
    const old = JSON.parse((await run(['key', 'show', oldId, '--json'])).stdout) as Shown;
    expect(old.status).toBe('revoked');
    expect(old.referenceSites.map((s) => [s.line, s.by, s.variable])).toEqual([[3, 'id', 'PINNED']]);
  });

  it('without --yes and no terminal, a by-id reference to the old key stops the rotation before the revoke, saying why', async () => {
    const { run, user, old, oldId, serviceEnv } = await vaultWithReferences('sandbox');
    const stopped = await run(['rotate', 'nexora/acme/self/backend']);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/rotation stopped at revoke failed: stopped before revoking: keyturn:\/\/id\/\S+ in \S+:3 \(PINNED\) names the old key/);
    expect(emulators.nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    // The swap is done, so the references by name already name the new key: the summary says so.
    expect(stopped.stdout).toContain(`2 references follow automatically; restart the processes that use them:\n  ${serviceEnv}:1 API_KEY\n`);

    // Once the reference names the key by name, a rescan moves the site and the rotation goes on.
    writeFileSync(serviceEnv, 'API_KEY=keyturn://nexora/acme/self/backend\nexport WORKER_KEY="keyturn://nexora/acme/self/backend"\nPINNED=keyturn://nexora/acme/self/backend\n');
    await run(['scan', join(serviceEnv, '..')]);
    const resumed = await run(['rotate', 'nexora/acme/self/backend', '--resume', '--yes']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
    const keys = JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
    expect(keys.find((k) => k.id === oldId)?.status).toBe('revoked');
    expect((JSON.parse((await run(['key', 'show', 'nexora/acme/self/backend', '--json'])).stdout) as Shown).referenceSites.map((s) => s.line)).toEqual([1, 2, 3]);
  });
});
