// The parts of the CLI's composition root that only commands using the whole vault need: loaded
// (see program.ts) for every command but `key get`, which reads one secret without them.
import { lazyHttpClient } from '../core/http/lazy-client.js';
import type { HttpClient } from '../core/http/types.js';

export { openCore } from '../core/node/open-core.js';
export { realSleep } from '../core/rotation/poll.js';
export { ConfMetadataStore, vaultDamageProblem, VaultDamagedError } from '../core/node/store/conf-metadata-store.js';
export { teamOutboxRecorder } from '../core/node/team/outbox-recorder.js';
export { FileRotationLocks } from '../core/node/store/file-rotation-locks.js';
export { FileKeyConsumers } from '../core/node/run/consumer-leases.js';

/** The HTTP client, created on a command's first request: the undici client is the largest module the CLI loads. */
export function createLazyHttpClient(): HttpClient {
  return lazyHttpClient(async () => (await import('../core/node/http/undici-client.js')).createHttpClient());
}
