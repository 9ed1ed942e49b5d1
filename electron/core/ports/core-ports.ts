import type { HttpClient } from '../http/types.js';
import type { Sleep } from '../rotation/poll.js';
import type { MetadataStore } from '../store/metadata-store.js';
import type { AuditSink } from './audit-sink.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Notifier } from './notifier.js';
import type { SecretStore } from './secret-store.js';

/**
 * What core runs on, given by each host (the desktop shell, browser mode, the CLI, a test): one
 * vault's stores, the outside world, and where it reports. Every part of core takes these, plus
 * only what that part adds (see open-core.ts).
 */
export interface CorePorts {
  metadata: MetadataStore;
  secrets: SecretStore;
  /** The keychain service of this vault: `keyturn:<vault-id>`. */
  keychainService: string;
  http: HttpClient;
  clock: Clock;
  /** Waits between polls (a revoke's proof); tests pass one that does not wait. */
  sleep: Sleep;
  /** Records every change and every secret read; never throws (see audit-sink.ts). */
  audit: AuditSink;
  logger: Logger;
  /** Where reminders go; absent in a host that shows none (the CLI). */
  notifier?: Notifier;
}
