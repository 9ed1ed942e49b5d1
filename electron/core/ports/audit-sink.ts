import { problem } from '../domain/problems/problem-error.js';
import type { Logger } from './logger.js';

export interface AuditEvent {
  action: string;
  keyId?: string;
  maskedKey?: string;
  outcome: 'ok' | 'failed' | 'info';
  detail?: string;
}

/** Where the newest line's hash is kept apart from the file (the keychain), so truncating the file shows. */
export interface AuditHeadStore {
  read(): Promise<string | null>;
  write(hash: string): Promise<void>;
}

/** Only auditSink() makes an AuditSink: an object that merely has append() may throw. */
declare const neverThrows: unique symbol;

/**
 * Where core records what it did (masked keys only, never a secret). Called once the action has
 * happened, so it never throws: an entry that cannot be written (a full disk, a lock held too
 * long) is reported to the logger as `audit.unrecorded`, and the action stays done. The rule holds
 * at every call site because it lives here, not in each caller.
 */
export interface AuditSink {
  append(event: AuditEvent): void;
  /** Several events of one action (a verify of many keys): written together. */
  appendAll(events: readonly AuditEvent[]): void;
  readonly [neverThrows]: true;
}

/** What writes the entries, and may fail doing it: the hash-chained log file, or a test's stand-in. */
export interface AuditWriter {
  appendAll(events: readonly AuditEvent[]): void;
}

export function auditSink(writer: AuditWriter, logger: Logger): AuditSink {
  const record = (events: readonly AuditEvent[]): void => {
    if (events.length === 0) return;
    try {
      writer.appendAll(events);
    } catch (error) {
      logger.warn(problem('audit.unrecorded', { action: events[0]?.action ?? 'an action', reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  return { append: (event) => record([event]), appendAll: record } as AuditSink;
}
