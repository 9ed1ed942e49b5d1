import { createHttpClient } from '../../electron/core/node/http/undici-client.js';
import { ConfMetadataStore } from '../../electron/core/node/store/conf-metadata-store.js';
import type { MetadataStore, UpdateResult } from '../../electron/core/store/metadata-store.js';
import type { VaultDocument } from '../../electron/core/domain/model.js';
import { rotationEngineFor } from './rotation-engine.js';

/**
 * The real engine in this process, stopped right after the write that records a new rotation
 * (before its first step) until `go()`: the moment another process could find the rotation in
 * progress. `recorded` resolves when it is there.
 */
export function engineStoppedAfterRecord(home: string, host: string) {
  const store = new ConfMetadataStore(home);
  let reached: () => void = () => undefined;
  const recorded = new Promise<void>((resolve) => (reached = resolve));
  let go: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (go = resolve));
  let stopped = false;
  const metadata: MetadataStore = {
    get location() {
      return store.location;
    },
    read: () => store.read(),
    update: async <T>(change: (doc: VaultDocument) => Promise<UpdateResult<T>> | UpdateResult<T>): Promise<T> => {
      const before = new Set(store.read().rotations.map((r) => r.id));
      const result = await store.update(change);
      if (!stopped && store.read().rotations.some((r) => !before.has(r.id))) {
        stopped = true;
        reached();
        await released;
      }
      return result;
    },
  };
  const http = createHttpClient({ maxRetries: 0 });
  const engine = rotationEngineFor(home, http, host, { metadata });
  return { engine, metadata, recorded, go, close: () => http.close() };
}
