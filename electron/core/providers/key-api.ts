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
 * A provider's key-management API (Nexora's). `auth` is a key of the same account; calls that
 * change keys are never retried blindly (see the rotation's create step).
 */
export interface KeyManagementApi {
  list(auth: string): Promise<RemoteKey[]>;
  create(auth: string, name: string): Promise<CreatedKey>;
  /** In-place rotation: a new secret under the same id; the old secret dies at once. */
  rotate(auth: string, id: string): Promise<CreatedKey>;
  /** 'not-found' when the provider no longer has the key (already revoked). */
  revoke(auth: string, id: string): Promise<'revoked' | 'not-found'>;
}

/** A provider call that did not succeed; the message names the call and the provider's reason, never a key. */
export class ProviderCallError extends Error {
  override readonly name = 'ProviderCallError';
  constructor(
    message: string,
    readonly status: number | null,
    /** True when the request may have reached the provider and done its work (timeouts, 5xx, resets). */
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
  }
}
