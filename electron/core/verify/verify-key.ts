import { HttpFailure, type HttpClient, type HttpResponse } from '../http/types.js';
import type { ProviderProfile } from '../providers/profile.js';
import { providerText } from '../providers/provider-text.js';
import type { Clock } from '../ports/clock.js';
import type { Instance, Verification } from '../domain/model.js';

/**
 * One verification: the provider's cheap authenticated call with the key.
 * 2xx with the API's own body → valid (the only proof that a key works); 403 → limited (valid,
 * lacks a permission); 401 → rejected (revoked when the provider says so, and the only proof that
 * a key is dead). Every other answer — 3xx, 400, 404, 431, other 4xx, 429, 5xx, a timeout, a
 * success that is not the API's JSON — proves nothing either way → unknown, with its reason.
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
  const unknown = (reason: string): Verification => ({ at: at(), result: 'unknown', httpStatus: status, revoked: false, reason });
  if (status === 401) {
    const why = profile.reasonFromRejection(response.json);
    const hint = profile.rejectionHint?.(instance);
    return { at: at(), result: 'rejected', httpStatus: status, revoked: why.revoked, reason: hint ? `${providerText(why.reason)}; ${hint}` : providerText(why.reason) };
  }
  if (status === 403) {
    return { at: at(), result: 'limited', httpStatus: status, revoked: false, reason: 'the key is valid but lacks a permission for the verify call (403)' };
  }
  if (status >= 200 && status < 300) {
    const problem = answerProblem(profile, response);
    return problem ? unknown(problem) : { at: at(), result: 'valid', httpStatus: status, revoked: false, reason: `accepted (${status})` };
  }
  return unknown(statusReason(profile, instance, response));
}

/** Why a 2xx body is not the API's own answer, or null when it is. */
function answerProblem(profile: ProviderProfile, response: HttpResponse): string | null {
  const { status } = response;
  // A success page that is not the API's JSON (a proxy, a captive portal, an empty answer) proves nothing.
  if (response.json === undefined) {
    const what = response.text.trim() === '' ? 'an empty body' : 'not JSON';
    return `the answer (${status}) was ${what}: not the API's own answer; check the base URL and verify path (the key was not proven to work)`;
  }
  const expected = profile.verifyAnswerProblem(response.json);
  if (expected === null) return null;
  return `the answer (${status}) was JSON but not ${profile.displayName}'s (expected ${expected}); check the base URL and verify path (the key was not proven to work)`;
}

/** The reason for a status that proves nothing, with what to do about it. */
function statusReason(profile: ProviderProfile, instance: Instance, response: HttpResponse): string {
  const { status, attempts } = response;
  const said = `${profile.displayName} answered ${status}`;
  const nothing = 'which proves nothing about the key';
  if (status === 429) return `${profile.displayName} answered with rate limited (429) after ${attempts} attempts; try again later`;
  if (status >= 500) return `${profile.displayName} answered with a server error (${status}) after ${attempts} attempts; try again later`;
  if (status >= 300 && status < 400) return `${said} (a redirect), ${nothing}: the verify call is never redirected; check the base URL (https, the API's own host)`;
  if (status === 404) return `${said} (not found), ${nothing}: ${profile.notFoundHint?.(instance) ?? 'check the base URL and verify path'}`;
  if (status === 431) return `${said} (request header too large), ${nothing}: a key is never that long; copy only the key`;
  if (status === 400) return `${said} (bad request), ${nothing}: check the base URL and verify path`;
  return `${said}, ${nothing}: only a success or a 401 tells; check the base URL and verify path`;
}
