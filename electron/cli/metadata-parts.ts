// The metadata store, apart from the rest of the vault: what `key get` loads when vault.json is
// not the file the last write checked, and must be read (and its damage reported) record by record.
export { ConfMetadataStore, vaultDamageProblem } from '../core/node/store/conf-metadata-store.js';
// Every write of a vault joined to a team records which keys it changed in the team outbox.
export { teamOutboxRecorder } from '../core/node/team/outbox-recorder.js';
