import { isRecord } from './profile.js';

/**
 * Light shape checks for a verify call's 2xx body, shared by the provider profiles. Each returns
 * null when the body has the expected shape, else what was expected (for the reason shown).
 */

/** Any JSON document: an object or an array (a bare string or number is no API's answer). */
export function jsonDocumentProblem(body: unknown): string | null {
  return isRecord(body) || Array.isArray(body) ? null : 'a JSON object or array';
}

export function jsonObjectProblem(body: unknown): string | null {
  return isRecord(body) ? null : 'a JSON object';
}

export function jsonArrayProblem(body: unknown): string | null {
  return Array.isArray(body) ? null : 'a JSON list';
}

/** An OpenAI-compatible list: `{"object":"list","data":[...]}`. */
export function openAiListProblem(body: unknown): string | null {
  const ok = isRecord(body) && Array.isArray(body.data) && (body.object === undefined || body.object === 'list');
  return ok ? null : 'an OpenAI-compatible list ({"object":"list","data":[…]})';
}
