import type { Instance, KeyRecord, Verification } from '../domain/model.js';
import type { HttpClient } from '../http/types.js';
import type { Clock } from '../ports/clock.js';
import type { ProviderProfile } from '../providers/profile.js';
import { ProviderCallError, type KeyManagementApi } from '../providers/key-api.js';
import { verifyKey } from '../verify/verify-key.js';
import { pollUntil, type Sleep } from './poll.js';

export interface RevokeRequest {
  profile: ProviderProfile;
  instance: Instance;
  record: KeyRecord;
  /** The key to revoke. */
  secret: string;
  /** A working key of the same account to call the key API with (the key itself when none). */
  apiAuth: string;
  /**
   * The key's id at the provider (asked only once the key is known to still work), or null when it
   * stays unknown: the revocation is then guided. A failing provider call counts as unknown.
   */
  remoteId: (api: KeyManagementApi) => Promise<string | null>;
  http: HttpClient;
  clock: Clock;
  sleep: Sleep;
  waitMs: number;
  showGuide: (guide: ReturnType<ProviderProfile['dashboard']>['revoke']) => void;
  /** Called after the provider accepted the revocation, before the proof (crash tests stop here). */
  afterProviderCall?: () => Promise<void>;
  note?: (detail: string) => Promise<void>;
  /**
   * A revocation resumed after its wait ran out: the provider is not asked again (it was asked, or
   * the person revokes in the dashboard, whose steps are shown again); only the 401 is waited for.
   */
  checkOnly?: boolean;
}

export interface RevokeOutcome {
  proven: boolean;
  path: 'api' | 'guided' | 'already';
  proof: Verification | null;
  detail: string;
}

/**
 * Revokes a key (by API where the provider has one and the key's id is known, else guided) and
 * proves it: the key must get 401 on the verify call. A key already rejected is not revoked again,
 * so a revocation resumed after a crash calls the provider at most once.
 */
export async function revokeAndProve(req: RevokeRequest): Promise<RevokeOutcome> {
  let proof: Verification | null = null;
  const rejected = async (): Promise<boolean> => {
    proof = await verifyKey(req.http, req.profile, req.instance, req.secret, req.clock);
    return proof.result === 'rejected';
  };
  if (await rejected()) return { proven: true, path: 'already', proof, detail: 'the key was already rejected (401)' };

  let path: RevokeOutcome['path'] = 'guided';
  const api = !req.checkOnly && req.profile.capabilities.revoke === 'api' ? req.profile.keyApi?.(req.instance, req.http) : undefined;
  const remoteId = api ? await req.remoteId(api).catch(unknownOnProviderFailure) : null;
  if (api && remoteId) {
    const answer = await api.revoke(req.apiAuth, remoteId);
    path = 'api';
    await req.note?.(answer === 'revoked' ? `${req.profile.displayName} revoked ${remoteId}` : `${req.profile.displayName} no longer has ${remoteId}`);
    await req.afterProviderCall?.();
  } else {
    req.showGuide(req.profile.dashboard(req.instance).revoke);
  }
  const proven = await pollUntil(rejected, req.waitMs, req.sleep);
  if (proven) return { proven, path, proof, detail: PROVEN_DEAD };
  return { proven, path, proof, detail: notProvenDetail(proof as Verification | null, req.waitMs, path) }; // proof is set inside rejected(), which TypeScript cannot see
}

export const PROVEN_DEAD = 'the old key is rejected (401): it is dead';

/** Why a revocation is not proven after the wait, and that a resume checks again. */
export function notProvenDetail(last: Verification | null, waitMs: number, path: RevokeOutcome['path']): string {
  const seconds = Math.round(waitMs / 1000);
  // Only a 2xx or a 403 says the key still works; any other answer proves nothing either way.
  const works = last?.result === 'valid' || last?.result === 'limited';
  return works
    ? `the key still works after ${seconds} s${path === 'guided' ? ': revoke it in the dashboard' : ''}, then resume to check again`
    : `after ${seconds} s the verify call still proves nothing (${last?.reason ?? 'no answer'}): the key is not proven dead${path === 'guided' ? '; revoke it in the dashboard if not done yet' : ''}, then resume to check again`;
}

/** A provider call that failed while finding the id leaves the id unknown; anything else is not ours to swallow. */
function unknownOnProviderFailure(error: unknown): null {
  if (error instanceof ProviderCallError) return null;
  throw error;
}
