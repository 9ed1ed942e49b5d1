// Xora (docs 000): `nte_` + 48 characters, sent as `Authorization: Bearer` or `X-API-KEY`;
// keys are created and revoked only in the dashboard (here: the control interface).
import { z } from 'zod';
import type { ProviderDefinition } from './emulator.js';
import { newId, randomAlnum } from './keys.js';
import { bearer, header, json, noContent } from './server.js';
import type { ApiRequest, ProviderApp, Reply } from './server.js';
import { KeyStore } from './store.js';
import type { XoraCreateKeyOptions, XoraKey } from './types.js';

export const XORA_KEY_PATTERN = /^nte_[A-Za-z0-9]{48}$/;

// Verbatim from the docs: clients may match on it.
const UNAUTHORIZED = {
  error: {
    code: 'UNAUTHORIZED',
    message: 'Authentication required. Provide a valid Bearer token or sign in via the dashboard.',
    retryable: false,
  },
};

const JOBS = [
  { id: 'job_7Yk2mQ4rT1', status: 'completed', createdAt: '2026-01-05T09:30:00.000Z' },
  { id: 'job_3Fh8zL0pW6', status: 'running', createdAt: '2026-01-06T14:12:00.000Z' },
];

const createKeySchema = z.strictObject({ name: z.string().min(1) });

/**
 * The docs call the two headers equivalent but say nothing of both at once: a Bearer credential
 * wins when present, as the header the docs show first.
 */
function presented(req: ApiRequest): string | undefined {
  return bearer(req) ?? header(req, 'x-api-key');
}

export function xoraDefinition(now: () => Date): ProviderDefinition<XoraCreateKeyOptions, XoraKey, object> {
  const store = new KeyStore<XoraKey>(now);

  const authenticate = (req: ApiRequest): XoraKey | null => {
    const secret = presented(req);
    // Exact match only: a trailing non-breaking space or a stray character makes another key.
    const key = secret === undefined ? undefined : store.bySecret(secret);
    if (!key || store.statusOf(key) !== 'active') return null;
    store.touch(key);
    return key;
  };

  const app: ProviderApp = {
    identify: (req) => {
      const secret = presented(req);
      return (secret === undefined ? undefined : store.bySecret(secret)?.id) ?? null;
    },
    handle(req): Reply {
      if (req.method === 'OPTIONS') return cors();
      if (!req.path.startsWith('/v1/') && req.path !== '/v1') return json(404, notFound());
      if (!authenticate(req)) return json(401, UNAUTHORIZED);
      if (req.method === 'GET' && req.path === '/v1/jobs') return json(200, { data: JOBS });
      return json(404, notFound());
    },
  };

  return {
    provider: 'xora',
    basePath: '/v1',
    servers: [{ app }],
    createKeySchema,
    dashboard: {
      createKey: (opts) => {
        const { name } = createKeySchema.parse(opts);
        return store.add({ id: newId('tok_'), secret: `nte_${randomAlnum(48)}`, name, createdAt: now().toISOString(), status: 'active', expiresAt: null, lastUsedAt: null });
      },
      revokeKey: (idOrSecret) => store.revoke(idOrSecret),
      expireKey: (idOrSecret) => store.expire(idOrSecret),
      keys: () => store.list(),
    },
  };
}

function notFound() {
  return { error: { code: 'NOT_FOUND', message: 'Not found.', retryable: false } };
}

/** The docs list the headers allowed cross-origin; with no origin configured every origin is allowed. */
function cors(): Reply {
  const reply = noContent();
  reply.headers = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'Authorization, Content-Type, X-API-KEY',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  };
  return reply;
}
