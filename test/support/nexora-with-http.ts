import { afterAll, beforeAll } from 'vitest';
import type { HttpClient } from '../../electron/core/http/types.js';
import { createHttpClient } from '../../electron/core/node/http/undici-client.js';
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
