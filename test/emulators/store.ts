// The keys one emulator knows, shared by all four providers. Records are kept internally and
// handed out only as copies, so a test holding a key object cannot change the emulator's state.
import { ControlError } from './errors.js';
import type { EmulatorKey, KeyStatus } from './types.js';

export class KeyStore<K extends EmulatorKey> {
  readonly #byId = new Map<string, K>();
  readonly #bySecret = new Map<string, K>();

  constructor(private readonly now: () => Date) {}

  add(key: K): K {
    this.#byId.set(key.id, key);
    this.#bySecret.set(key.secret, key);
    return this.snapshot(key);
  }

  /** The live record for a presented secret; undefined when no key ever had it. */
  bySecret(secret: string): K | undefined {
    return this.#bySecret.get(secret);
  }

  byId(id: string): K | undefined {
    return this.#byId.get(id);
  }

  /** The live record by id or secret, for dashboard actions; unknown → ControlError 404. */
  require(idOrSecret: string): K {
    const key = this.#byId.get(idOrSecret) ?? this.#bySecret.get(idOrSecret);
    if (!key) throw new ControlError(`no key with this id or secret`, 404);
    return key;
  }

  statusOf(key: K): KeyStatus {
    if (key.status !== 'active') return key.status;
    if (key.expiresAt && Date.parse(key.expiresAt) <= this.now().getTime()) return 'expired';
    return 'active';
  }

  revoke(idOrSecret: string): void {
    this.require(idOrSecret).status = 'revoked';
  }

  /** Revocation is permanent (every provider says so), so expiring a revoked key changes nothing. */
  expire(idOrSecret: string): void {
    const key = this.require(idOrSecret);
    if (key.status === 'active') key.status = 'expired';
  }

  /** In-place rotation (Nexora): the old secret stops matching at once. */
  replaceSecret(key: K, secret: string): void {
    this.#bySecret.delete(key.secret);
    key.secret = secret;
    this.#bySecret.set(secret, key);
  }

  touch(key: K): void {
    key.lastUsedAt = this.now().toISOString();
  }

  snapshot(key: K): K {
    return { ...structuredClone(key), status: this.statusOf(key) };
  }

  list(filter: (key: K) => boolean = () => true): K[] {
    return [...this.#byId.values()].filter(filter).map((k) => this.snapshot(k));
  }
}
