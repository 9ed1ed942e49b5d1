// The parts of the CLI's composition root that only commands using the whole vault need: loaded
// (see program.ts) for every command but `key get`, which reads one secret without them.
export { randomUUID } from 'node:crypto';
export { lazyHttpClient } from '../core/http/lazy-client.js';
export { RotationEngine } from '../core/rotation/engine.js';
export { realSleep } from '../core/rotation/poll.js';
export { ConfMetadataStore, describeVaultDamage, VaultDamagedError } from '../core/store/conf-metadata-store.js';
export { FileRotationLocks } from '../core/store/file-rotation-locks.js';
export { Vault } from '../core/vault/vault.js';
