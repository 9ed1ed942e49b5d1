import type { VaultDocument } from '../../domain/model.js';
import type { HttpClient } from '../../http/types.js';
import type { Clock } from '../../ports/clock.js';
import type { Finding } from '../../scan/finding.js';

/**
 * Whether a found key works now (`--verify`), asked of its provider with the string found (never
 * the keychain): valid (the verify call's 2xx), rejected or revoked (its 401), or unknown (anything
 * else, or no instance to ask through), with why.
 */
export interface FindingCheck {
  result: 'valid' | 'rejected' | 'revoked' | 'unknown';
  reason: string;
  /** The instance it was checked through, or null when there was none to ask. */
  instanceRef: string | null;
}

/** One check per distinct key (by fingerprint). */
export async function verifyFindings(deps: { http: HttpClient; clock: Clock; doc: VaultDocument }, findings: readonly Finding[]): Promise<Map<string, FindingCheck>> {
  void deps;
  void findings;
  throw new Error('verifyFindings is not built yet');
}
