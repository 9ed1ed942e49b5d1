// The metadata store, apart from the rest of the vault: what `key get` loads when vault.json is
// not the file the last write checked, and must be read (and its damage reported) record by record.
export { ConfMetadataStore, vaultDamageProblem } from '../core/node/store/conf-metadata-store.js';
