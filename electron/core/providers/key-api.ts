import type { ProblemOf } from '../domain/problems/catalogue.js';
import { ProblemError } from '../domain/problems/problem-error.js';

/** A key as a provider's key-management API lists it: never the secret. */
export interface RemoteKey {
  id: string;
  name: string;
  createdAt: string | null;
  lastUsedAt: string | null;
  /** The visible start of the key, when the provider shows one. */
  prefix: string | null;
}

export interface CreatedKey {
  id: string;
  secret: string;
}

/**
 * A provider's key-management API (a profile's keyApi). `auth` is a key of the same account; calls
 * that change keys are never retried blindly (see the rotation's create step).
 */
export interface KeyManagementApi {
  list(auth: string): Promise<RemoteKey[]>;
  create(auth: string, name: string): Promise<CreatedKey>;
  /** In-place rotation: a new secret under the same id; the old secret dies at once. */
  rotate(auth: string, id: string): Promise<CreatedKey>;
  /** 'not-found' when the provider no longer has the key (already revoked). */
  revoke(auth: string, id: string): Promise<'revoked' | 'not-found'>;
}

export type ProviderCallProblem = ProblemOf<'provider.call-failed' | 'provider.answer-unreadable' | 'provider.remote-key-unchosen'>;

/**
 * A provider call that did not succeed, as a problem: it names the call and the provider's reason,
 * never a key. The status and whether the call may have done its work are the problem's own
 * parameters; the getters read them for the callers that decide by them.
 */
export class ProviderCallError extends ProblemError {
  declare readonly problem: ProviderCallProblem;

  constructor(callProblem: ProviderCallProblem, options?: { cause?: unknown }) {
    super(callProblem, options);
  }

  /** The provider's HTTP status; null when no answer came. */
  get status(): number | null {
    return this.problem.code === 'provider.remote-key-unchosen' ? null : (this.problem.status ?? null);
  }

  /** True when the request may have reached the provider and done its work (timeouts, 5xx, resets). */
  get outcomeUnknown(): boolean {
    return this.problem.code === 'provider.call-failed' && this.problem.outcomeUnknown;
  }
}
