// Xerotier (docs 003): `xero_<project_slug>_<token>` keys (256 random bits) as Bearer, an
// OpenAI-compatible API under `/<project_id>/...`; keys are created and revoked in the dashboard.
import { z } from 'zod';
import type { ControlRoute } from './control-http.js';
import type { ProviderDefinition } from './emulator.js';
import { ControlError } from './errors.js';
import { newId, randomAlnum, randomBase64Url, randomHex, randomUpperAlnum } from './keys.js';
import { bearer, findRoute, json, parseJson } from './server.js';
import type { ApiRequest, ProviderApp, Reply } from './server.js';
import { KeyStore } from './store.js';
import { xerotierPages } from './dashboard/xerotier-pages.js';
import type { XerotierCreateKeyOptions, XerotierExtras, XerotierKey, XerotierModes, XerotierProject } from './types.js';

export const XEROTIER_DEFAULT_SLUG = 'my-project';
/** 32 random bytes are 43 characters in base64url (`_` and `-` among them) or 64 in hex. */
export const XEROTIER_KEY_PATTERN = /^xero_([a-z0-9]+(?:-[a-z0-9]+)*)_([A-Za-z0-9_-]{43}|[0-9a-f]{64})$/;
/** Least helpful readings first (README: "Where the docs are silent"). */
export const XEROTIER_DEFAULT_MODES: XerotierModes = { checkOrder: 'key-first', modelsBody: 'data-only', rejectionBody: 'empty', tokenEncoding: 'base64url' };
export const xerotierModesSchema = z.strictObject({
  checkOrder: z.enum(['key-first', 'project-first']).optional(),
  modelsBody: z.enum(['data-only', 'openai-list']).optional(),
  rejectionBody: z.enum(['empty', 'text', 'openai-error']).optional(),
  tokenEncoding: z.enum(['base64url', 'hex']).optional(),
}) satisfies z.ZodType<Partial<XerotierModes>>;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MODELS = [
  { id: 'llama-3.1-8b', object: 'model', created: 1721347200, owned_by: 'xerotier' },
  { id: 'mistral-7b-instruct', object: 'model', created: 1716163200, owned_by: 'xerotier' },
];

const createKeySchema = z.strictObject({ name: z.string().min(1), projectId: z.string().optional(), slug: z.string().optional() });
const createProjectSchema = z.strictObject({
  slug: z.string().max(48).regex(SLUG_PATTERN, 'a slug is lowercase letters and digits, joined by single hyphens'),
});
const chatBody = z.object({
  model: z.string().min(1),
  messages: z
    .array(z.object({ role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']), content: z.union([z.string(), z.array(z.unknown()), z.null()]) }))
    .min(1),
});

const apiError = (status: number, message: string, code: string | null, param: string | null = null): Reply =>
  json(status, { error: { message, type: 'invalid_request_error', param, code } });

export function xerotierDefinition(now: () => Date, modeOptions: Partial<XerotierModes> = {}): ProviderDefinition<XerotierCreateKeyOptions, XerotierKey, XerotierExtras> {
  const store = new KeyStore<XerotierKey>(now);
  const modes: XerotierModes = { ...XEROTIER_DEFAULT_MODES, ...modeOptions };
  // The docs say only "401 Unauthorized": the body is this emulator's in every mode but `empty`.
  const refused = (message: string): Reply => {
    if (modes.rejectionBody === 'empty') return { status: 401, headers: {}, body: '' };
    if (modes.rejectionBody === 'text') return { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Unauthorized' };
    return apiError(401, message, 'invalid_api_key');
  };
  const projects = new Map<string, XerotierProject>();

  const createProject = (opts: unknown): XerotierProject => {
    const { slug } = createProjectSchema.parse(opts);
    if ([...projects.values()].some((p) => p.slug === slug)) throw new ControlError(`a project with slug ${slug} exists`, 409);
    const project = { id: `proj_${randomUpperAlnum(6)}`, slug, createdAt: now().toISOString() };
    projects.set(project.id, project);
    return { ...project };
  };
  const defaultProject = createProject({ slug: XEROTIER_DEFAULT_SLUG });

  const projectFor = (projectId: string | undefined, slug: string | undefined): XerotierProject => {
    if (projectId === undefined && slug === undefined) return defaultProject;
    const project = projectId !== undefined ? projects.get(projectId) : [...projects.values()].find((p) => p.slug === slug);
    if (!project || (slug !== undefined && project.slug !== slug)) throw new ControlError(`no project ${projectId ?? slug}`, 404);
    return project;
  };

  const models = (): Reply => json(200, modes.modelsBody === 'openai-list' ? { object: 'list', data: MODELS } : { data: MODELS });
  const routes = [
    { method: 'GET', path: '/:projectId/v1/models', run: models },
    // The SDK examples use the endpoint URL as base, so models may be listed from there too.
    { method: 'GET', path: '/:projectId/:endpoint/v1/models', run: models },
    { method: 'POST', path: '/:projectId/:endpoint/v1/chat/completions', run: (req: ApiRequest) => chatCompletion(req, now()) },
  ];

  const app: ProviderApp = {
    identify: (req) => {
      const token = bearer(req);
      return (token === undefined ? undefined : store.bySecret(token)?.id) ?? null;
    },
    handle(req) {
      const projectId = req.path.split('/')[1] ?? '';
      const project = projects.get(projectId);
      if (!project && modes.checkOrder === 'project-first') return apiError(404, `Project '${projectId}' not found.`, 'project_not_found');

      const token = bearer(req);
      if (token === undefined) return refused("You didn't provide an API key. Send it as 'Authorization: Bearer xero_...'.");
      const key = store.bySecret(token);
      if (!key) return refused('Incorrect API key provided.');
      const status = store.statusOf(key);
      if (status !== 'active') return refused(`This API key has been ${status === 'revoked' ? 'revoked' : 'expired'}.`);
      // Keys are project-scoped: under another project's id (or, key first, an unknown one) a key is refused.
      if (key.projectId !== projectId) return refused('Incorrect API key provided.');
      store.touch(key);

      const found = findRoute(routes, req.method, req.path);
      if (found === 'method-not-allowed') return apiError(405, `Method ${req.method} not allowed.`, 'method_not_allowed');
      if (!found) return apiError(404, `Unknown path ${req.path}.`, 'not_found');
      return found.route.run(req);
    },
  };

  const controlRoutes: ControlRoute[] = [
    { method: 'GET', path: '/projects', run: () => [...projects.values()].map((p) => ({ ...p })) },
    { method: 'POST', path: '/projects', created: true, run: ({ body }) => createProject(body) },
  ];

  const def: ProviderDefinition<XerotierCreateKeyOptions, XerotierKey, XerotierExtras> = {
    provider: 'xerotier',
    basePath: '',
    servers: [{ app }],
    createKeySchema,
    controlRoutes,
    dashboard: {
      createKey: (opts) => {
        const { name, projectId, slug } = createKeySchema.parse(opts);
        const project = projectFor(projectId, slug);
        return store.add({
          id: newId('key_'),
          secret: `xero_${project.slug}_${modes.tokenEncoding === 'hex' ? randomHex(32) : randomBase64Url(32)}`,
          name,
          createdAt: now().toISOString(),
          status: 'active',
          expiresAt: null,
          lastUsedAt: null,
          projectId: project.id,
          slug: project.slug,
        });
      },
      revokeKey: (idOrSecret) => store.revoke(idOrSecret),
      expireKey: (idOrSecret) => store.expire(idOrSecret),
      keys: () => store.list(),
      createProject,
      projects: () => [...projects.values()].map((p) => ({ ...p })),
      defaultProject: () => ({ ...defaultProject }),
    },
    pages: (csrf) => xerotierPages(def.dashboard, csrf),
  };
  return def;
}

function chatCompletion(req: ApiRequest, now: Date): Reply {
  const parsed = parseJson(req.body);
  if (!parsed.ok) return apiError(400, 'We could not parse the JSON body of your request.', null);
  const body = chatBody.safeParse(parsed.value);
  if (!body.success) {
    const issue = body.error.issues[0];
    return apiError(400, issue?.message ?? 'Invalid request body.', null, issue?.path.map(String).join('.') ?? null);
  }
  const content = 'Hello from the Xerotier emulator.';
  const promptTokens = body.data.messages.length * 8;
  return json(200, {
    id: `chatcmpl-${randomAlnum(24)}`,
    object: 'chat.completion',
    created: Math.floor(now.getTime() / 1000),
    model: body.data.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: 7, total_tokens: promptTokens + 7 },
  });
}
