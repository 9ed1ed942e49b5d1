// Nora (docs 002, 004): `X-API-Key` only; each key is bound to (organization, instance), and
// sandbox and production are separate servers that know only their own keys. Dashboard keys
// may expire (minimum: tomorrow); revoked and expired keys say so in a 401 `code`.
import { z } from 'zod';
import type { ProviderDefinition } from './emulator.js';
import { ControlError } from './errors.js';
import { newId, randomAlnum } from './keys.js';
import { header, json } from './server.js';
import type { ApiRequest, ProviderApp, Reply } from './server.js';
import { KeyStore } from './store.js';
import type { NoraCreateKeyOptions, NoraEnv, NoraKey } from './types.js';

export const NORA_DEFAULT_ORG = 'acme';
export const NORA_PREFIX: Record<NoraEnv, string> = { sandbox: 'sk_test_', production: 'sk_live_' };
/** The dashboard's masked form shows six characters after the prefix (`sk_live_abc123…`). */
const MASK_VISIBLE = 6;

const createKeySchema = z.strictObject({
  name: z.string().min(1),
  env: z.enum(['sandbox', 'production']).optional(),
  org: z.string().min(1).optional(),
  expiresAt: z.union([z.string(), z.date(), z.null()]).optional(),
  permissions: z.array(z.enum(['apiKey.read', 'apiKey.create', 'apiKey.delete'])).optional(),
});

const error = (status: number, code: string, message: string): Reply => json(status, { code, message });

export function noraDefinition(now: () => Date): ProviderDefinition<NoraCreateKeyOptions, NoraKey, object> {
  const store = new KeyStore<NoraKey>(now);

  const masked = (k: NoraKey) => ({
    id: k.id,
    name: k.name,
    key: `${k.secret.slice(0, NORA_PREFIX[k.env].length + MASK_VISIBLE)}…`,
    status: store.statusOf(k),
    expiresAt: k.expiresAt,
    createdAt: k.createdAt,
  });

  const appFor = (env: NoraEnv): ProviderApp => ({
    identify: (req) => {
      const secret = header(req, 'x-api-key');
      return (secret ? store.bySecret(secret)?.id : undefined) ?? null;
    },
    handle(req: ApiRequest): Reply {
      if (req.path !== '/v2' && !req.path.startsWith('/v2/')) return error(404, 'not_found', 'Not found.');
      // Only X-API-Key counts: a Bearer token or legacy cp-* headers are not read at all.
      const secret = header(req, 'x-api-key');
      if (!secret) return error(401, 'missing_api_key', 'Send your API key in the X-API-Key header.');
      const key = store.bySecret(secret);
      // The lookup is per instance: another environment's key is as unknown here as a made-up one.
      if (!key || key.env !== env) return error(401, 'invalid_api_key', 'Invalid API key.');
      const status = store.statusOf(key);
      if (status === 'revoked') return error(401, 'api_key_revoked', 'This API key has been revoked.');
      if (status === 'expired') return error(401, 'api_key_expired', 'This API key has expired.');
      store.touch(key);

      if (req.method !== 'GET') return error(404, 'not_found', 'Not found.');
      if (req.path === '/v2/instance') return json(200, { organization: key.org, environment: env });
      if (req.path === '/v2/api-keys') {
        if (!key.permissions.includes('apiKey.read')) return error(403, 'forbidden', 'This API key lacks the apiKey.read permission.');
        return json(200, { data: store.list((k) => k.org === key.org && k.env === env).map((k) => masked(k)) });
      }
      // The docs name no verify endpoint: any GET a client is configured with must authenticate.
      return json(200, { ok: true });
    },
  });

  return {
    provider: 'nora',
    basePath: '',
    servers: [
      { env: 'sandbox', app: appFor('sandbox') },
      { env: 'production', app: appFor('production') },
    ],
    createKeySchema,
    dashboard: {
      createKey: (opts) => {
        const { name, env = 'sandbox', org = NORA_DEFAULT_ORG, expiresAt, permissions = ['apiKey.read'] } = createKeySchema.parse(opts);
        return store.add({
          id: newId('key_'),
          secret: `${NORA_PREFIX[env]}${randomAlnum(32)}`,
          name,
          createdAt: now().toISOString(),
          status: 'active',
          expiresAt: expiryFrom(expiresAt ?? null, now()),
          lastUsedAt: null,
          org,
          env,
          permissions: [...new Set(permissions)],
        });
      },
      revokeKey: (idOrSecret) => store.revoke(idOrSecret),
      expireKey: (idOrSecret) => store.expire(idOrSecret),
      keys: () => store.list(),
    },
  };
}

/** A date-only value is the start of that day (UTC); the dashboard's earliest choice is tomorrow. */
function expiryFrom(value: string | Date | null, now: Date): string | null {
  if (value === null) return null;
  const date = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value) : value;
  if (Number.isNaN(date.getTime())) throw new ControlError(`expiresAt is not a date: ${String(value)}`);
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  if (date.getTime() < tomorrow) {
    throw new ControlError(`expiresAt must be tomorrow or later (the earliest is ${new Date(tomorrow).toISOString().slice(0, 10)})`);
  }
  return date.toISOString();
}
