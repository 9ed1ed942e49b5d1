// Nora (docs 002, 004): `X-API-Key` only; each key is bound to (organization, instance), and
// sandbox and production are separate servers that know only their own keys. Dashboard keys
// may expire (minimum: tomorrow); revoked and expired keys say so in a 401 `code`.
import { z } from 'zod';
import type { ProviderDefinition } from './emulator.js';
import { ControlError } from './errors.js';
import { BASE64URL, newId, randomAlnum, randomFrom } from './keys.js';
import { header, json } from './server.js';
import type { ApiRequest, ProviderApp, Reply } from './server.js';
import { KeyStore } from './store.js';
import { noraPages } from './dashboard/nora-pages.js';
import type { NoraCreateKeyOptions, NoraEnv, NoraKey, NoraModes } from './types.js';

export const NORA_DEFAULT_ORG = 'acme';
export const NORA_PREFIX: Record<NoraEnv, string> = { sandbox: 'sk_test_', production: 'sk_live_' };
/**
 * The one endpoint that proves a key in every mode. The documents name no endpoint at all; this one
 * is the key list whose columns and permission (`apiKey.read`) doc 004 describes, the least
 * invented. It is deliberately not Keyturn's default verify path (`/v2/instance`): a client has to
 * be configured with an endpoint the Nora it talks to serves, as with the real one.
 */
export const NORA_KEYS_PATH = '/v2/api-keys';
/** Least helpful readings first (README: "Where the docs are silent"). */
export const NORA_DEFAULT_MODES: NoraModes = {
  endpoints: 'api-keys-only',
  rejectionCodes: 'revoked-only',
  unknownPath: 'authenticate-first',
  keyAlphabet: 'base64url',
  listBody: 'array',
};
export const noraModesSchema = z.strictObject({
  endpoints: z.enum(['api-keys-only', 'with-instance', 'any-get']).optional(),
  rejectionCodes: z.enum(['revoked-only', 'every-cause']).optional(),
  unknownPath: z.enum(['authenticate-first', 'not-found-first']).optional(),
  keyAlphabet: z.enum(['base64url', 'alnum']).optional(),
  listBody: z.enum(['array', 'data-object']).optional(),
}) satisfies z.ZodType<Partial<NoraModes>>;

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
const notFound = (): Reply => error(404, 'not_found', 'Not found.');

export function noraDefinition(now: () => Date, modeOptions: Partial<NoraModes> = {}): ProviderDefinition<NoraCreateKeyOptions, NoraKey, object> {
  const store = new KeyStore<NoraKey>(now);
  const modes: NoraModes = { ...NORA_DEFAULT_MODES, ...modeOptions };
  const known = (path: string): boolean =>
    path === NORA_KEYS_PATH || modes.endpoints === 'any-get' || (modes.endpoints === 'with-instance' && path === '/v2/instance');
  // The documents give a code only for a revoked key ("when present"); the others are this emulator's.
  const refused = (code: string, message: string): Reply => {
    if (modes.rejectionCodes === 'every-cause') return error(401, code, message);
    return code === 'api_key_revoked' ? json(401, { code }) : { status: 401, headers: {}, body: '' };
  };

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
      if (req.path !== '/v2' && !req.path.startsWith('/v2/')) return notFound();
      const exists = req.method === 'GET' && known(req.path);
      if (!exists && modes.unknownPath === 'not-found-first') return notFound();
      // Only X-API-Key counts: a Bearer token or legacy cp-* headers are not read at all.
      const secret = header(req, 'x-api-key');
      if (!secret) return refused('missing_api_key', 'Send your API key in the X-API-Key header.');
      const key = store.bySecret(secret);
      // The lookup is per instance: another environment's key is as unknown here as a made-up one.
      if (!key || key.env !== env) return refused('invalid_api_key', 'Invalid API key.');
      const status = store.statusOf(key);
      if (status === 'revoked') return refused('api_key_revoked', 'This API key has been revoked.');
      if (status === 'expired') return refused('api_key_expired', 'This API key has expired.');
      store.touch(key);

      if (!exists) return notFound();
      if (req.path === NORA_KEYS_PATH) {
        if (!key.permissions.includes('apiKey.read')) return error(403, 'forbidden', 'This API key lacks the apiKey.read permission.');
        const listed = store.list((k) => k.org === key.org && k.env === env).map((k) => masked(k));
        return json(200, modes.listBody === 'array' ? listed : { data: listed });
      }
      if (req.path === '/v2/instance') return json(200, { organization: key.org, environment: env });
      return json(200, { ok: true });
    },
  });

  const def: ProviderDefinition<NoraCreateKeyOptions, NoraKey, object> = {
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
          secret: `${NORA_PREFIX[env]}${modes.keyAlphabet === 'alnum' ? randomAlnum(32) : randomFrom(BASE64URL, 32)}`,
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
    pages: (csrf) => noraPages(def.dashboard, now, csrf),
  };
  return def;
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
