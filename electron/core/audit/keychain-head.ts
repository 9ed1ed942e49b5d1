import type { SecretStore } from '../ports/secret-store.js';
import type { AuditHeadStore } from '../ports/audit-sink.js';

/** The keychain account that holds the audit log's newest hash (key ids are UUIDs, so it never collides). */
export const AUDIT_HEAD_ACCOUNT = 'audit-log-head';

/** The newest audit hash in the vault's own keychain service, out of reach of whoever edits the vault home. */
export function keychainAuditHead(secrets: SecretStore, keychainService: string): AuditHeadStore {
  return {
    read: () => secrets.get(keychainService, AUDIT_HEAD_ACCOUNT),
    write: (hash) => secrets.set(keychainService, AUDIT_HEAD_ACCOUNT, hash),
  };
}
