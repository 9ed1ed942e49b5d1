import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORA_KEYS_PATH, type NoraEmulator } from '../emulators/index.js';
import { cliFor } from './cli.js';
import { tempHome } from './temp-home.js';

/**
 * A vault with one Nora production key, of an organization of its own (so the provider's keys are
 * only this test's), at `nora/<org>/live/<name>`, written to `svc/.env` as NORA_KEY — a swap
 * target unless `target: false`. Nora's documents name no verify endpoint, so the instance is set to
 * the one the emulator serves, as a person would set theirs (`verifyPath: null`: Keyturn's default).
 * Every step is checked: a fixture that half worked would mislead.
 */
export async function noraKeyWithTarget(nora: NoraEmulator, opts: { name?: string; verifyPath?: string | null; target?: boolean } = {}) {
  const home = tempHome();
  const run = cliFor(home);
  const org = `org${Math.random().toString(36).slice(2, 8)}`;
  const name = opts.name ?? 'backend';
  const ref = `nora/${org}/live/${name}`;
  const old = nora.control.createKey({ name: 'backend', env: 'production', org });
  const verifyPath = opts.verifyPath === null ? [] : ['--verify-path', opts.verifyPath ?? NORA_KEYS_PATH];
  await expectOk(run(['instance', 'add', 'nora', org, 'live', '--env', 'production', '--base-url', nora.baseUrl('production'), ...verifyPath]));
  await expectOk(run(['key', 'add', `nora/${org}/live`, name], old.secret));
  mkdirSync(join(home, 'svc'));
  const env = join(home, 'svc', '.env');
  writeFileSync(env, `NORA_KEY=${old.secret}\n`);
  if (opts.target !== false) await expectOk(run(['target', 'add', ref, 'dotenv', env, 'NORA_KEY']));
  return { home, run, org, ref, old, env };
}

async function expectOk(result: Promise<{ code: number; stderr: string }>): Promise<void> {
  const { code, stderr } = await result;
  if (code !== 0) throw new Error(`fixture step failed (${code}): ${stderr}`);
}
