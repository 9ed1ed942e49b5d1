import * as z from 'zod';
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from '../../http/types.js';
import type { Instance } from '../../domain/model.js';
import { joinUrl } from '../profile.js';
import { providerText } from '../provider-text.js';
import { ProviderCallError, type KeyManagementApi } from '../key-api.js';
import type { KEY_API_CALLS } from '../../domain/problems/provider.js';

type KeyApiCall = (typeof KEY_API_CALLS)[number];
const NAME = 'Nexora';

const listedKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.string().nullable().optional(),
  last_used_at: z.string().nullable().optional(),
  prefix: z.string().nullable().optional(),
});
const createdKeySchema = z.object({ id: z.string(), key: z.string().startsWith('nxr_') });

/** Nexora's key API: GET/POST /users/me/api-keys, POST …/{id}/rotate, DELETE …/{id}; errors are {detail}. */
export function nexoraKeyApi(instance: Instance, http: HttpClient): KeyManagementApi {
  const url = (path: string) => joinUrl(instance.baseUrl, `users/me/api-keys${path}`);
  const call = async (what: KeyApiCall, req: HttpRequest): Promise<HttpResponse> => {
    let response: HttpResponse;
    try {
      response = await http.request(req);
    } catch (error) {
      const why = error instanceof HttpFailure ? error.message : 'the request failed';
      // A timeout or reset after the request was sent may still have done its work at Nexora.
      throw new ProviderCallError({ code: 'provider.call-failed', provider: NAME, call: what, outcomeUnknown: true, reason: why }, { cause: error });
    }
    if (response.status >= 200 && response.status < 300) return response;
    const detail = typeof (response.json as { detail?: unknown } | undefined)?.detail === 'string' ? (response.json as { detail: string }).detail : `status ${response.status}`;
    throw new ProviderCallError({ code: 'provider.call-failed', provider: NAME, call: what, status: response.status, outcomeUnknown: response.status >= 500, reason: providerText(detail) });
  };
  const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const parse = <T>(schema: z.ZodType<T>, response: HttpResponse, what: KeyApiCall): T => {
    const parsed = schema.safeParse(response.json);
    if (!parsed.success) throw new ProviderCallError({ code: 'provider.answer-unreadable', provider: NAME, call: what, status: response.status });
    return parsed.data;
  };

  return {
    async list(secret) {
      const response = await call('list keys', { method: 'GET', url: url(''), headers: auth(secret) });
      return parse(z.array(listedKeySchema), response, 'list keys').map((k) => ({
        id: k.id,
        name: k.name,
        createdAt: k.created_at ?? null,
        lastUsedAt: k.last_used_at ?? null,
        prefix: k.prefix ?? null,
      }));
    },
    async create(secret, name) {
      // Not idempotent: never retried by the HTTP client; the rotation reconciles through list().
      const response = await call('create key', { method: 'POST', url: url(''), headers: auth(secret), json: { name }, idempotent: false });
      const created = parse(createdKeySchema, response, 'create key');
      return { id: created.id, secret: created.key };
    },
    async rotate(secret, id) {
      const response = await call('rotate key', { method: 'POST', url: url(`/${encodeURIComponent(id)}/rotate`), headers: auth(secret), idempotent: false });
      const created = parse(createdKeySchema, response, 'rotate key');
      return { id: created.id, secret: created.key };
    },
    async revoke(secret, id) {
      try {
        await call('revoke key', { method: 'DELETE', url: url(`/${encodeURIComponent(id)}`), headers: auth(secret), idempotent: false });
        return 'revoked';
      } catch (error) {
        if (error instanceof ProviderCallError && error.status === 404) return 'not-found';
        throw error;
      }
    },
  };
}
