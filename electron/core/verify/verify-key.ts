import { HttpFailure, type HttpClient } from '../http/types.js';
import type { ProviderProfile } from '../providers/profile.js';
import type { Clock } from '../ports/clock.js';
import type { Instance, Verification } from '../domain/model.js';

/**
 * One verification: the provider's cheap authenticated call with the key.
 * 401 → rejected (revoked when the provider says so); 403 → limited (valid, lacks a permission);
 * 5xx, 429, timeouts and unreadable success bodies prove nothing → unknown; anything else → valid.
 */
export async function verifyKey(
  http: HttpClient,
  profile: ProviderProfile,
  instance: Instance,
  secret: string,
  clock: Clock,
): Promise<Verification> {
  const at = () => clock.now().toISOString();
  let response;
  try {
    response = await http.request({ method: 'GET', url: profile.verifyUrl(instance), headers: profile.authHeaders(secret) });
  } catch (error) {
    const reason = error instanceof HttpFailure ? error.message : 'the request failed';
    return { at: at(), result: 'unknown', httpStatus: null, revoked: false, reason };
  }
  const { status } = response;
  if (status === 401) {
    const why = profile.reasonFromRejection(response.json);
    return { at: at(), result: 'rejected', httpStatus: status, revoked: why.revoked, reason: why.reason };
  }
  if (status === 403) {
    return { at: at(), result: 'limited', httpStatus: status, revoked: false, reason: 'the key is valid but lacks a permission for the verify call (403)' };
  }
  if (status === 429 || status >= 500) {
    const what = status === 429 ? 'rate limited (429)' : `a server error (${status})`;
    return { at: at(), result: 'unknown', httpStatus: status, revoked: false, reason: `${profile.displayName} answered with ${what} after ${response.attempts} attempts; try again later` };
  }
  if (status >= 200 && status < 300 && response.json === undefined && response.text.length > 0) {
    // A success page that is not the API's JSON (a proxy, a captive portal) does not prove the key works.
    return { at: at(), result: 'unknown', httpStatus: status, revoked: false, reason: `the answer (${status}) was not the API's JSON; check the base URL` };
  }
  return { at: at(), result: 'valid', httpStatus: status, revoked: false, reason: status < 300 ? 'accepted' : `accepted (the call answered ${status}, not 401)` };
}
