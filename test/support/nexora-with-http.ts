import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { HttpClient } from '../../electron/core/http/types.js';
import { createHttpClient } from '../../electron/core/node/http/undici-client.js';
import type { Core } from '../../electron/core/node/open-core.js';
import { startEmulator, type NexoraEmulator } from '../emulators/index.js';

/**
 * One Nexora emulator and one HTTP client (no retries: a fault a test switches on is met at once)
 * for the tests of a file, started before them and closed after. Read them inside a test.
 */
export function nexoraWithHttp(): { readonly nexora: NexoraEmulator; readonly http: HttpClient } {
  let nexora: NexoraEmulator | undefined;
  let http: HttpClient | undefined;
  beforeAll(async () => {
    nexora = await startEmulator('nexora');
    http = createHttpClient({ maxRetries: 0 });
  });
  afterAll(async () => {
    await http?.close();
    await nexora?.close();
  });
  const started = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('read nexoraWithHttp() parts inside a test');
    return part;
  };
  return {
    get nexora() {
      return started(nexora);
    },
    get http() {
      return started(http);
    },
  };
}

/** The ref of the key `addNexoraKeyWithTarget` adds. */
export const NEXORA_KEY_REF = 'nexora/acme/self/svc';

/**
 * A Nexora key of a user of its own (so its account lists it alone) added to `core` as
 * nexora/acme/self/svc, and written as KEY to a .env in `home`, which is its swap target.
 */
export async function addNexoraKeyWithTarget(nexora: NexoraEmulator, core: Pick<Core, 'vault'>, home: string) {
  const user = nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
  const old = nexora.control.createKey({ name: 'svc', userId: user.id });
  await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self', env: 'sandbox', baseUrl: nexora.baseUrl() });
  await core.vault.addKey({ instanceRef: 'nexora/acme/self', name: 'svc', secret: old.secret });
  const env = join(home, '.env');
  writeFileSync(env, `KEY=${old.secret}\n`);
  await core.vault.addTarget(NEXORA_KEY_REF, { kind: 'dotenv', file: env, variable: 'KEY' }, home);
  return { old, env };
}
