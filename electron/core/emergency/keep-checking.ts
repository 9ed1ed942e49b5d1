import type { Verification } from '../domain/model.js';
import { pollUntil } from '../rotation/poll.js';
import { notProvenDetail, PROVEN_DEAD, type RevokeOutcome, type RevokeRequest } from '../rotation/revoke-and-prove.js';
import { verifyKey } from '../verify/verify-key.js';

export type CheckRequest = Omit<RevokeRequest, 'apiAuth' | 'afterProviderCall' | 'note'>;

/**
 * A revocation resumed after its wait ran out: the provider is not asked again (it was asked, or
 * the person revokes in the dashboard, whose steps are shown again); only the 401 is waited for.
 */
export async function keepCheckingUntilRejected(req: CheckRequest): Promise<RevokeOutcome> {
  let proof: Verification | null = null;
  const rejected = async (): Promise<boolean> => {
    proof = await verifyKey(req.http, req.profile, req.instance, req.secret, req.clock);
    return proof.result === 'rejected';
  };
  if (await rejected()) return { proven: true, path: 'already', proof, detail: 'the key was already rejected (401)' };
  req.showGuide(req.profile.dashboard(req.instance).revoke);
  const proven = await pollUntil(rejected, req.waitMs, req.sleep);
  return { proven, path: 'guided', proof, detail: proven ? PROVEN_DEAD : notProvenDetail(proof, req.waitMs, 'guided') };
}
