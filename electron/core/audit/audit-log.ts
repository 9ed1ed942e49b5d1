import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AuditEvent {
  action: string;
  keyId?: string;
  maskedKey?: string;
  outcome: 'ok' | 'failed' | 'info';
  detail?: string;
}

/** Where audit events go. Implementations must never receive a secret: callers pass masked keys. */
export interface AuditSink {
  append(event: AuditEvent): void;
}

/**
 * Append-only JSON lines in the vault home, each carrying the SHA-256 of the previous line, so an
 * edited, removed or reordered line breaks the chain.
 */
export class FileAuditLog implements AuditSink {
  readonly path: string;
  readonly #now: () => Date;

  constructor(home: string, now: () => Date = () => new Date()) {
    this.path = join(home, 'audit.log');
    this.#now = now;
  }

  append(event: AuditEvent): void {
    const line = JSON.stringify({ at: this.#now().toISOString(), ...event, prev: this.#lastLineHash() });
    appendFileSync(this.path, `${line}\n`, { mode: 0o600 });
  }

  #lastLineHash(): string {
    if (!existsSync(this.path)) return sha256('');
    const lines = readFileSync(this.path, 'utf8').split('\n').filter((l) => l.length > 0);
    return sha256(lines.at(-1) ?? '');
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
