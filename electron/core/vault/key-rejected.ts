import type { ProblemOf } from '../domain/problems/catalogue.js';
import { problem } from '../domain/problems/problem-error.js';
import type { Verification } from '../domain/model.js';

/**
 * A key the provider rejected (401) when it was added: nothing was stored. The problem carries the
 * verification (its status, whether the key was revoked, the provider's reason), so each host says
 * in its own words how to store it anyway (a CLI flag, a checkbox in the app).
 */
export function keyRejected(providerName: string, verification: Verification, newInstance?: string): ProblemOf<'key.rejected'> {
  return problem('key.rejected', {
    field: 'secret',
    provider: providerName,
    httpStatus: verification.httpStatus,
    revoked: verification.revoked,
    reason: verification.reason,
    ...(newInstance ? { newInstance } : {}),
  });
}
