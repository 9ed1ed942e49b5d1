import type { KeychainProblem } from '../domain/problems/keychain.js';
import { ProblemError } from '../domain/problems/problem-error.js';

/**
 * Where secrets live: the OS keychain in the app, CLI and keychain tests.
 * One service per vault; the account is the key record's id.
 *
 * `null` (from get) and `false` (from delete) mean only that the keychain positively said the item
 * does not exist. A keychain that cannot answer (locked, no keychain service running) throws a
 * KeychainLockedError or KeychainUnavailableError instead, so nobody mistakes it for a removed secret.
 */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** Returns false when there was nothing to delete. */
  delete(service: string, account: string): Promise<boolean>;
  /**
   * Many secrets of one service at once, answering for each account as get would (the secret, or
   * null when there is none); fails as a whole as get fails. Optional: a store without it is read
   * key by key. Where the keychain has no cheaper way, it may itself read key by key.
   */
  readMany?(service: string, accounts: readonly string[]): Promise<Map<string, string | null>>;
}

/**
 * The keychain could not answer: a problem (exit code 3 like any keychain failure) whose class
 * callers test, so a locked or absent keychain is never mistaken for a removed secret.
 */
export class KeychainError extends ProblemError {
  constructor(problem: KeychainProblem) {
    super(problem);
  }
}

/** The keychain exists but is locked: nothing can be read, written or removed until it is unlocked. */
export class KeychainLockedError extends KeychainError {
  constructor() {
    super({ code: 'keychain.locked' });
  }
}

/**
 * No keychain could be reached (no Secret Service running, no D-Bus session, an access error), or
 * it answered in a way that cannot be trusted. `advice` replaces the default "start your keyring".
 */
export class KeychainUnavailableError extends KeychainError {
  constructor(cause: string, advice: Extract<KeychainProblem, { code: 'keychain.unavailable' }>['advice'] = 'start-keyring') {
    super({ code: 'keychain.unavailable', cause, advice });
  }
}
