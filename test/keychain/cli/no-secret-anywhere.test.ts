// After a full scenario (add, verify, rotate, revoke, reveal, export), no secret used anywhere in it
// is in any file of the vault home, the audit log, or an export.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';

let emulators: AllEmulators;
beforeAll(async () => {
  emulators = await startAllEmulators();
});
afterAll(async () => {
  await emulators.close();
});

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [{ path: full, text: readFileSync(full, 'latin1') }];
  });
}

it('no secret reaches the vault home, the audit log or an export, after add, verify, rotate, revoke and export', async () => {
  const { home, run, old, env } = await nexoraKeyWithTarget(emulators.nexora, { env: 'production', name: 'backend', variable: 'NEXORA_API_KEY' });
  const ref = 'nexora/acme/self/backend';
  expect((await run(['key', 'verify', ref])).code).toBe(0);
  expect((await run(['rotate', ref, '--yes'])).code).toBe(0);
  const rotated = (await run(['key', 'get', ref])).stdout.trim();
  expect((await run(['revoke', ref, '--yes'])).code).toBe(0);
  const exports = await Promise.all([['audit', '--json'], ['audit', '--csv'], ['audit', '--ics']].map((args) => run(args)));
  // Read after the exports, which it must list: run beside them, it may finish first.
  exports.push(await run(['log', 'show', '--json']));
  expect((await run(['log', 'verify'])).code).toBe(0);

  const actions = (JSON.parse(exports[3]?.stdout ?? '[]') as { action: string }[]).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['key.add', 'key.verify', 'rotation.start', 'rotation.create', 'rotation.swap', 'rotation.verify', 'rotation.revoke', 'key.get', 'emergency.revoke', 'audit.export']));

  // The .env swap target holds the key by design; it is the user's file, not the vault's.
  const vaultFiles = filesUnder(home).filter((f) => f.path !== env && !f.path.startsWith(`${env}.keyturn-backup`));
  expect(vaultFiles.map((f) => f.path)).toContain(join(home, 'audit.log'));
  for (const secret of [old.secret, rotated]) {
    for (const { path, text } of [...vaultFiles, ...exports.map((e, i) => ({ path: `export ${i}`, text: e.stdout + e.stderr }))]) {
      expect(text, path).not.toContain(secret);
      expect(text, path).not.toContain(secret.slice(-16));
    }
  }
});
