// Xora (docs 000): `nte_` + 48 characters, sent as `Authorization: Bearer` or `X-API-KEY`;
// keys are created and revoked only in the dashboard (here: the control interface).
import { z } from 'zod';
import type { ProviderDefinition } from './emulator.js';
import { BASE64URL, newId, randomAlnum, randomFrom } from './keys.js';
import { bearer, header, json, noContent } from './server.js';
import type { ApiRequest, ProviderApp, Reply } from './server.js';
import { KeyStore } from './store.js';
import { xoraPages } from './dashboard/xora-pages.js';
import type { XoraCreateKeyOptions, XoraKey, XoraModes } from './types.js';

/** Every key this emulator issues, in any mode: the docs give the prefix and the length, not the characters. */
export const XORA_KEY_PATTERN = /^nte_[A-Za-z0-9_-]{48}$/;
/** Least helpful readings first (README: "Where the docs are silent"). */
export const XORA_DEFAULT_MODES: XoraModes = { bothHeaders: 'refuse', keyAlphabet: 'base64url', jobsBody: 'array' };
export const xoraModesSchema = z.strictObject({
  bothHeaders: z.enum(['refuse', 'bearer-wins', 'x-api-key-wins']).optional(),
  keyAlphabet: z.enum(['base64url', 'alnum']).optional(),
  jobsBody: z.enum(['array', 'data-object']).optional(),
}) satisfies z.ZodType<Partial<XoraModes>>;

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

/** The docs call the two headers equivalent but say nothing of both at once: that is a mode. */
function presenter(mode: XoraModes['bothHeaders']): (req: ApiRequest) => string | undefined {
  return (req) => {
    const fromBearer = bearer(req);
    const fromHeader = header(req, 'x-api-key');
    if (fromBearer === undefined || fromHeader === undefined) return fromBearer ?? fromHeader;
    if (mode === 'refuse') return undefined;
    return mode === 'bearer-wins' ? fromBearer : fromHeader;
  };
}

export function xoraDefinition(now: () => Date, modeOptions: Partial<XoraModes> = {}): ProviderDefinition<XoraCreateKeyOptions, XoraKey, object> {
  const store = new KeyStore<XoraKey>(now);
  const modes: XoraModes = { ...XORA_DEFAULT_MODES, ...modeOptions };
  const presented = presenter(modes.bothHeaders);
  const keyBody = (): string => (modes.keyAlphabet === 'alnum' ? randomAlnum(48) : randomFrom(BASE64URL, 48));

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
      // The key the request showed, even when sending both headers got it refused.
      const secret = bearer(req) ?? header(req, 'x-api-key');
      return (secret === undefined ? undefined : store.bySecret(secret)?.id) ?? null;
    },
    handle(req): Reply {
      if (req.method === 'OPTIONS') return cors();
      if (!req.path.startsWith('/v1/') && req.path !== '/v1') return json(404, notFound());
      if (!authenticate(req)) return json(401, UNAUTHORIZED);
      if (req.method === 'GET' && req.path === '/v1/jobs') return json(200, modes.jobsBody === 'array' ? JOBS : { data: JOBS });
      return json(404, notFound());
    },
  };

  const dashboard = {
    createKey: (opts: XoraCreateKeyOptions) => {
      const { name } = createKeySchema.parse(opts);
      return store.add({ id: newId('tok_'), secret: `nte_${keyBody()}`, name, createdAt: now().toISOString(), status: 'active', expiresAt: null, lastUsedAt: null });
    },
    revokeKey: (idOrSecret: string) => store.revoke(idOrSecret),
    expireKey: (idOrSecret: string) => store.expire(idOrSecret),
    keys: () => store.list(),
  };
  return {
    provider: 'xora',
    basePath: '/v1',
    servers: [{ app }],
    createKeySchema,
    dashboard,
    pages: (csrf) => xoraPages(dashboard, csrf),
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
