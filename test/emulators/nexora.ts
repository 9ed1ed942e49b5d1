// Nexora, self-hosted (docs 001): `nxr_` keys as Bearer under `/api`, and a key API for the
// calling user: list, create, rotate in place (old value dies at once), revoke. FastAPI-style
// errors: `{"detail": "..."}`, and 422 with a `detail` array for validation.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ControlRoute } from './control-http.js';
import type { ProviderDefinition } from './emulator.js';
import { ControlError } from './errors.js';
import { signJwt, verifyJwt } from './jwt.js';
import { ALNUM, BASE64URL_ALPHABET, HEX_ALPHABET, newUuid, randomFrom } from './keys.js';
import { bearer, findRoute, json, noContent, parseJson } from './server.js';
import type { ApiRequest, ProviderApp, Reply } from './server.js';
import { KeyStore } from './store.js';
import { nexoraPages } from './dashboard/nexora-pages.js';
import type { NexoraCreateKeyOptions, NexoraExtras, NexoraKey, NexoraOptions, NexoraUser } from './types.js';

export const NEXORA_KEY_PATTERN = /^nxr_[A-Za-z0-9]{40}$/;
export const NEXORA_DEFAULT_USER = { email: 'admin@nexora.test', password: 'nexora-admin-password', name: 'Admin' } as const;
/** With `listPrefix` (the docs show no such field): the first 8 characters and an ellipsis. */
export const NEXORA_PREFIX_LENGTH = 8;
export const NEXORA_DEFAULT_KEY_LENGTH = 40;
const ALPHABETS = { alphanumeric: ALNUM, base64url: BASE64URL_ALPHABET, hex: HEX_ALPHABET } as const;
const JWT_LIFETIME_SECONDS = 30 * 60;

const createKeySchema = z.strictObject({
  name: z.string().min(1),
  userId: z.string().optional(),
  permissions: z.enum(['full', 'restricted']).optional(),
});
const createUserSchema = z.strictObject({ email: z.string().min(3), password: z.string().min(1), name: z.string().optional() });

// API bodies are not strict: FastAPI ignores unknown fields.
const nameBody = z.object({ name: z.string().trim().min(1).max(100) });
const loginBody = z.object({ email: z.string(), password: z.string() });

type Principal = { user: NexoraUser; key: NexoraKey | null };
type Access = 'public' | 'user' | 'manage-keys';
interface Route {
  method: string;
  path: string;
  access: Access;
  run(req: ApiRequest, params: Record<string, string>, who: Principal | null): Reply;
}

const detail = (status: number, message: string, headers: Record<string, string> = {}) => json(status, { detail: message }, headers);
const UNAUTHORIZED = () => detail(401, 'Invalid or missing API key', { 'www-authenticate': 'Bearer' });
const KEY_NOT_FOUND = () => detail(404, 'Not found');

export function nexoraDefinition(now: () => Date, options: NexoraOptions = {}): ProviderDefinition<NexoraCreateKeyOptions, NexoraKey, NexoraExtras> {
  const lastUsedMode = options.lastUsedAt ?? 'never';
  const keyLength = options.keyLength ?? NEXORA_DEFAULT_KEY_LENGTH;
  if (!Number.isInteger(keyLength) || keyLength < 1 || keyLength > 200) throw new RangeError(`Nexora keyLength must be 1..200, not ${keyLength}`);
  const alphabet = ALPHABETS[options.keyAlphabet ?? 'alphanumeric'];
  const newSecret = () => `nxr_${randomFrom(alphabet, keyLength)}`;
  const store = new KeyStore<NexoraKey>(now);
  const users = new Map<string, NexoraUser>();
  const jwtSecret = randomBytes(32);

  const createUser = (opts: unknown): NexoraUser => {
    const { email, password, name } = createUserSchema.parse(opts);
    if ([...users.values()].some((u) => u.email.toLowerCase() === email.toLowerCase())) {
      throw new ControlError(`a user with email ${email} exists`, 409);
    }
    const user = { id: newUuid(), email, password, name: name ?? email.split('@')[0] ?? email };
    users.set(user.id, user);
    return { ...user };
  };
  const defaultUser = createUser(NEXORA_DEFAULT_USER);

  const newKey = (name: string, userId: string, permissions: NexoraKey['permissions']): NexoraKey =>
    store.add({ id: newUuid(), secret: newSecret(), name, createdAt: now().toISOString(), status: 'active', expiresAt: null, lastUsedAt: null, userId, permissions });

  const authenticate = (req: ApiRequest): Principal | null => {
    const token = bearer(req);
    if (token === undefined) return null;
    if (token.startsWith('nxr_')) {
      const key = store.bySecret(token);
      const user = key && users.get(key.userId);
      if (!key || !user || store.statusOf(key) !== 'active') return null;
      if (lastUsedMode === 'on-every-call') store.touch(key);
      return { user, key };
    }
    const claims = verifyJwt(jwtSecret, token, Math.floor(now().getTime() / 1000));
    const user = claims && users.get(claims.sub);
    return user ? { user, key: null } : null;
  };

  /** The caller's own live key by id; another user's key is as unknown as a missing one. */
  const ownKey = (id: string, who: Principal): NexoraKey | null => {
    const key = store.byId(id);
    return key && key.userId === who.user.id && key.status !== 'revoked' ? key : null;
  };

  const listItem = (k: NexoraKey) => ({
    id: k.id,
    name: k.name,
    created_at: k.createdAt,
    last_used_at: k.lastUsedAt,
    ...(options.listPrefix ? { prefix: `${k.secret.slice(0, NEXORA_PREFIX_LENGTH)}…` } : {}),
  });
  const withSecret = (k: NexoraKey) => ({ id: k.id, name: k.name, key: k.secret, created_at: k.createdAt, last_used_at: k.lastUsedAt });

  const routes: Route[] = [
    {
      method: 'POST',
      path: '/api/auth/login',
      access: 'public',
      run(req) {
        const body = validate(req, loginBody);
        if (!body.ok) return body.reply;
        const user = [...users.values()].find((u) => u.email.toLowerCase() === body.value.email.toLowerCase() && u.password === body.value.password);
        if (!user) return detail(401, 'Incorrect email or password', { 'www-authenticate': 'Bearer' });
        const iat = Math.floor(now().getTime() / 1000);
        return json(200, { access_token: signJwt(jwtSecret, { sub: user.id, iat, exp: iat + JWT_LIFETIME_SECONDS }), token_type: 'bearer' });
      },
    },
    {
      method: 'GET',
      path: '/api/agents',
      access: 'user',
      run: () =>
        json(200, [
          { id: 'a3c1f0de-5b0e-4c8e-9a57-1c2d3e4f5a6b', name: 'Support agent', created_at: '2026-01-02T10:00:00Z' },
          { id: 'b7d2e1f0-6c1f-4d9f-8b68-2d3e4f5a6b7c', name: 'Research agent', created_at: '2026-01-03T11:30:00Z' },
        ]),
    },
    {
      method: 'GET',
      path: '/api/users/me/api-keys',
      access: 'manage-keys',
      run: (_req, _params, who) => json(200, store.list((k) => k.userId === who?.user.id && k.status !== 'revoked').map(listItem)),
    },
    {
      method: 'POST',
      path: '/api/users/me/api-keys',
      access: 'manage-keys',
      run(req, _params, who) {
        const body = validate(req, nameBody);
        if (!body.ok) return body.reply;
        if (!who) return UNAUTHORIZED();
        return json(201, withSecret(newKey(body.value.name, who.user.id, 'full')));
      },
    },
    {
      method: 'POST',
      path: '/api/users/me/api-keys/:id/rotate',
      access: 'manage-keys',
      run(_req, { id }, who) {
        const key = who && ownKey(id ?? '', who);
        if (!key) return KEY_NOT_FOUND();
        store.replaceSecret(key, newSecret());
        // Same record, new secret: nothing has used the new value yet.
        key.lastUsedAt = null;
        return json(200, withSecret(key));
      },
    },
    {
      method: 'DELETE',
      path: '/api/users/me/api-keys/:id',
      access: 'manage-keys',
      run(_req, { id }, who) {
        const key = who && ownKey(id ?? '', who);
        if (!key) return KEY_NOT_FOUND();
        store.revoke(key.id);
        return noContent();
      },
    },
  ];

  const app: ProviderApp = {
    identify: (req) => {
      const token = bearer(req);
      return (token === undefined ? undefined : store.bySecret(token)?.id) ?? null;
    },
    handle(req) {
      const found = findRoute(routes, req.method, req.path);
      if (found === 'method-not-allowed') return detail(405, 'Method Not Allowed');
      if (!found) return detail(404, 'Not Found');
      const { route, params } = found;
      if (route.access === 'public') return route.run(req, params, null);
      // Authentication before body validation, as FastAPI resolves dependencies first.
      const who = authenticate(req);
      if (!who) return UNAUTHORIZED();
      if (route.access === 'manage-keys' && who.key?.permissions === 'restricted') return detail(403, 'Insufficient permissions');
      const reply = route.run(req, params, who);
      // The answer is already built: it shows last_used_at as it was before this call.
      if (lastUsedMode === 'after-answer' && who.key && store.statusOf(who.key) === 'active') store.touch(who.key);
      return reply;
    },
  };

  const controlRoutes: ControlRoute[] = [
    { method: 'GET', path: '/users', run: () => [...users.values()].map((u) => ({ ...u })) },
    { method: 'POST', path: '/users', created: true, run: ({ body }) => createUser(body) },
  ];

  const def: ProviderDefinition<NexoraCreateKeyOptions, NexoraKey, NexoraExtras> = {
    provider: 'nexora',
    basePath: '/api',
    servers: [{ app }],
    createKeySchema,
    controlRoutes,
    dashboard: {
      createKey: (opts) => {
        const { name, userId, permissions } = createKeySchema.parse(opts);
        const owner = userId ?? defaultUser.id;
        if (!users.has(owner)) throw new ControlError(`no user ${owner}`, 404);
        return newKey(name, owner, permissions ?? 'full');
      },
      revokeKey: (idOrSecret) => store.revoke(idOrSecret),
      expireKey: (idOrSecret) => store.expire(idOrSecret),
      keys: () => store.list(),
      createUser,
      users: () => [...users.values()].map((u) => ({ ...u })),
      defaultUser: () => ({ ...defaultUser }),
    },
    pages: (csrf) => nexoraPages(def.dashboard, csrf),
  };
  return def;
}

type Validated<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** FastAPI's 422: one entry per problem, located in the body. */
function validate<T>(req: ApiRequest, schema: z.ZodType<T>): Validated<T> {
  const parsed = parseJson(req.body);
  if (!parsed.ok) {
    return { ok: false, reply: json(422, { detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', ctx: { error: parsed.error } }] }) };
  }
  const result = schema.safeParse(parsed.value);
  if (result.success) return { ok: true, value: result.data };
  const detailList = result.error.issues.map((issue) => ({
    type: issue.code,
    loc: ['body', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    msg: issue.message,
  }));
  return { ok: false, reply: json(422, { detail: detailList }) };
}
