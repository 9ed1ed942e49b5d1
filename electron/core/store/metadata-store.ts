// The metadata store's port lives with the other ports; this name stays for the modules that import it here.
export type { MetadataStore, UpdateResult } from '../ports/metadata-store.js';
