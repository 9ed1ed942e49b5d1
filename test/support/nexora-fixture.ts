import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NexoraEmulator } from '../emulators/index.js';
import { cliFor } from './cli.js';
import { tempHome } from './temp-home.js';

/**
 * A vault with one Nexora key (of a user of its own, so the provider's list holds only this
 * test's keys) written to a `.env` swap target, at `nexora/acme/self/<name>`. The key is named
 * `nexoraName` at Nexora (default: the same name); `otherKeys` are more keys of that user, made
 * outside Keyturn.
 */
export async function nexoraKeyWithTarget(nexora: NexoraEmulator, opts: { env: 'sandbox' | 'production'; name: string; variable: string; nexoraName?: string; otherKeys?: string[] }) {
  const home = tempHome();
  const run = cliFor(home);
  const user = nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
  const old = nexora.control.createKey({ name: opts.nexoraName ?? opts.name, userId: user.id });
  const others = (opts.otherKeys ?? []).map((name) => nexora.control.createKey({ name, userId: user.id }));
  await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', opts.env, '--base-url', nexora.baseUrl()]);
  await run(['key', 'add', 'nexora/acme/self', opts.name], old.secret);
  const env = join(home, '.env');
  writeFileSync(env, `${opts.variable}=${old.secret}\n`);
  await run(['target', 'add', `nexora/acme/self/${opts.name}`, 'dotenv', env, opts.variable]);
  return { home, run, user, old, others, env };
}
