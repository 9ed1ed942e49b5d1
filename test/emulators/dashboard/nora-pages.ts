// Nora's dashboard (doc 004) for one organization: the instance picker at the top (sandbox or
// production; keys are instance-scoped), Sidebar → API Keys, Create API key (disabled until an
// instance is selected) with a Key name and an optional Expiration date (minimum tomorrow),
// Create key, the plaintext secret once in a read-only field, Close; the table (Name, Key masked
// as `sk_live_abc123…`, Status, Expires or "Never", Created); the trash icon on active rows, the
// "Revoke API key?" confirmation and Revoke key (permanent, then 401 api_key_revoked).
// Where the documents are silent: nothing is selected until the person picks an instance (the
// picker is not remembered between visits), and the dashboard user holds every permission.
import { ControlError } from '../errors.js';
import { NORA_DEFAULT_ORG, NORA_PREFIX } from '../nora.js';
import type { Reply } from '../server.js';
import type { NoraControl, NoraEnv, NoraKey } from '../types.js';
import { keyName, maskSecret, NAME_MAX } from './forms.js';
import { html, page, postForm, redirect, TRASH_ICON } from './html.js';
import type { Markup } from './html.js';
import { ShownOnce } from './http.js';
import type { DashboardPages, DashboardRequest } from './http.js';

type NoraKeys = Pick<NoraControl, 'createKey' | 'revokeKey' | 'keys'>;

const ENVS: readonly NoraEnv[] = ['sandbox', 'production'];
const ENV_LABEL: Record<NoraEnv, string> = { sandbox: 'Sandbox', production: 'Production' };
/** doc 004: the masked prefix, e.g. `sk_live_abc123…`. */
const MASK_SHOWN = 6;

const instanceOf = (value: string | null): NoraEnv | null => ENVS.find((e) => e === value) ?? null;
const withInstance = (path: string, env: NoraEnv | null): string => (env ? `${path}?instance=${env}` : path);

/** The earliest expiration the dashboard accepts: tomorrow (UTC, the emulator's clock). */
export function noraEarliestExpiry(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString().slice(0, 10);
}

function expiryError(value: string, now: Date): string | null {
  if (value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    return 'Expiration date must be a date (YYYY-MM-DD).';
  }
  const earliest = noraEarliestExpiry(now);
  return value < earliest ? `Minimum expiration is tomorrow (${earliest}).` : null;
}

export function noraPages(control: NoraKeys, now: () => Date, csrf: string): DashboardPages {
  const shown = new ShownOnce<{ name: string; secret: string; env: NoraEnv }>();
  const org = NORA_DEFAULT_ORG;

  const view = (req: DashboardRequest, env: NoraEnv | null, title: string, body: Markup, status = 200): Reply => {
    // The picker shows the home or the key list for the chosen instance; other pages are about one key.
    const pickerTarget = req.path === '/' ? '/' : '/api-keys';
    const picker = html`<form method="get" action="${pickerTarget}" class="inline" aria-label="Instance picker">
<label for="instance-picker" class="inline">Instance</label>
<select id="instance-picker" name="instance">
<option value=""${env ? '' : ' selected'}>Select an instance</option>
${ENVS.map((e) => html`<option value="${e}"${env === e ? ' selected' : ''}>${ENV_LABEL[e]}</option>`)}
</select> <button type="submit">Switch</button></form>
<span class="muted">Organization: ${org}</span>`;
    const sidebar = html`<a href="${withInstance('/', env)}">Home</a><a href="${withInstance('/api-keys', env)}">API Keys</a>`;
    return page({ product: 'Nora', title, csrf, topBar: picker, sidebar, body, status });
  };

  const keysOf = (env: NoraEnv): NoraKey[] => control.keys().filter((k) => k.org === org && k.env === env);

  const list = (req: DashboardRequest, env: NoraEnv | null, notice: string | null): Reply => {
    const create = env
      ? html`<a class="button primary" href="${withInstance('/api-keys/new', env)}">Create API key</a>`
      : html`<button type="button" class="primary" disabled aria-describedby="pick-first">Create API key</button>`;
    const rows = env
      ? keysOf(env).map(
          (k) => html`<tr><td>${k.name}</td><td class="mono">${maskSecret(k.secret, NORA_PREFIX[k.env].length, MASK_SHOWN)}</td><td>${k.status}</td>
<td>${k.expiresAt ? k.expiresAt.slice(0, 10) : 'Never'}</td><td>${k.createdAt.slice(0, 10)}</td>
<td>${k.status === 'active' ? html`<a class="button icon" href="${withInstance(`/api-keys/${encodeURIComponent(k.id)}/revoke`, env)}" aria-label="Revoke ${k.name}" title="Revoke">${TRASH_ICON}</a>` : ''}</td></tr>`,
        )
      : [];
    const table = !env
      ? html`<p id="pick-first">Select an instance in the picker at the top: keys are instance-scoped, and the list and the create button follow the selection.</p>`
      : rows.length === 0
        ? html`<p>No API keys for ${ENV_LABEL[env]} yet.</p>`
        : html`<table><thead><tr><th>Name</th><th>Key</th><th>Status</th><th>Expires</th><th>Created</th><th><span class="muted">Revoke</span></th></tr></thead><tbody>${rows}</tbody></table>`;
    return view(
      req,
      env,
      'API Keys',
      html`<div class="top"><h1>API Keys${env ? html` — ${ENV_LABEL[env]}` : ''}</h1>${create}</div>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${table}`,
    );
  };

  const createDialog = (req: DashboardRequest, env: NoraEnv, typed: { name: string; expiresOn: string }, errors: { name?: string; expiresOn?: string }, status = 200): Reply =>
    view(
      req,
      env,
      'Create API key',
      html`<div class="dialog" role="dialog" aria-labelledby="create-heading">
<h1 id="create-heading">Create API key — ${ENV_LABEL[env]}</h1>
${postForm(
  '/api-keys/new',
  csrf,
  html`<input type="hidden" name="instance" value="${env}">
<label for="key-name">Key name</label>
<input type="text" id="key-name" name="name" maxlength="${NAME_MAX}" placeholder="Production server" value="${typed.name}" required${errors.name ? html` aria-invalid="true" aria-describedby="key-name-error"` : ''}>
${errors.name ? html`<p id="key-name-error" class="error">${errors.name}</p>` : ''}
<label for="key-expiry">Expiration date <span class="muted">(optional)</span></label>
<input type="date" id="key-expiry" name="expiresOn" min="${noraEarliestExpiry(now())}" value="${typed.expiresOn}" aria-describedby="key-expiry-hint${errors.expiresOn ? ' key-expiry-error' : ''}"${errors.expiresOn ? ' aria-invalid="true"' : ''}>
<p id="key-expiry-hint" class="muted">Leave it empty for a key that doesn't auto-expire. Minimum expiration is tomorrow.</p>
${errors.expiresOn ? html`<p id="key-expiry-error" class="error">${errors.expiresOn}</p>` : ''}
<p><button type="submit" class="primary">Create key</button> <a class="button" href="${withInstance('/api-keys', env)}">Cancel</a></p>`,
)}
</div>`,
      status,
    );

  return {
    home: '/',
    owns: (path) => path === '/' || path === '/api-keys' || path.startsWith('/api-keys/'),
    routes: [
      {
        method: 'GET',
        path: '/',
        run: (req) => {
          const env = instanceOf(req.query.get('instance'));
          return view(req, env, 'Home', html`<h1>Nora</h1><p>Organization <strong>${org}</strong>. Pick an instance at the top, then open <a href="${withInstance('/api-keys', env)}">API Keys</a> in the sidebar.</p>`);
        },
      },
      {
        method: 'GET',
        path: '/api-keys',
        run: (req) => list(req, instanceOf(req.query.get('instance')), req.query.get('revoked') === '1' ? 'The key was revoked: it stops working immediately.' : null),
      },
      {
        method: 'GET',
        path: '/api-keys/new',
        run: (req) => {
          const env = instanceOf(req.query.get('instance'));
          return env ? createDialog(req, env, { name: '', expiresOn: '' }, {}) : redirect('/api-keys');
        },
      },
      {
        method: 'POST',
        path: '/api-keys/new',
        run: (req) => {
          const env = instanceOf(req.form.get('instance'));
          if (!env) return redirect('/api-keys');
          const typed = { name: req.form.get('name') ?? '', expiresOn: (req.form.get('expiresOn') ?? '').trim() };
          const name = keyName(req.form, 'Key name');
          const expiry = expiryError(typed.expiresOn, now());
          if (!name.ok || expiry) return createDialog(req, env, typed, { ...(name.ok ? {} : { name: name.error }), ...(expiry ? { expiresOn: expiry } : {}) }, 400);
          let key: NoraKey;
          try {
            key = control.createKey({ name: name.value, env, org, expiresAt: typed.expiresOn === '' ? null : typed.expiresOn, permissions: ['apiKey.read'] });
          } catch (error) {
            if (error instanceof ControlError) return createDialog(req, env, typed, { expiresOn: error.message }, 400);
            throw error;
          }
          return redirect(`/api-keys/created/${shown.keep({ name: key.name, secret: key.secret, env })}`);
        },
      },
      {
        method: 'GET',
        path: '/api-keys/created/:ticket',
        run: (req, { ticket = '' }) => {
          const created = shown.take(ticket);
          if (!created) {
            return view(req, instanceOf(req.query.get('instance')), 'Create API key', html`<h1>API key created</h1><p class="warning">Nora will not show this secret again. If you did not store it, revoke the key and create a new one.</p><p><a href="/api-keys">Back to API Keys</a></p>`, 410);
          }
          return view(
            req,
            created.env,
            'API key created',
            html`<div class="dialog" role="dialog" aria-labelledby="created-heading">
<h1 id="created-heading">API key created — ${created.name}</h1>
<label for="created-secret">Secret</label>
<input type="text" id="created-secret" class="secret" readonly value="${created.secret}">
<p class="warning">Paste it into your secret manager before closing this dialog — Nora will not show the secret again.</p>
<p><a class="button primary" href="${withInstance('/api-keys', created.env)}">Close</a></p>
</div>`,
          );
        },
      },
      {
        method: 'GET',
        path: '/api-keys/:id/revoke',
        run: (req, { id = '' }) => {
          const key = control.keys().find((k) => k.id === id && k.org === org && k.status === 'active');
          const env = key?.env ?? instanceOf(req.query.get('instance'));
          if (!key) return view(req, env, 'API Keys', html`<h1>API Keys</h1><p class="error">This key is not active: there is nothing to revoke.</p><p><a href="${withInstance('/api-keys', env)}">Back to API Keys</a></p>`, 404);
          return view(
            req,
            key.env,
            'Revoke API key?',
            html`<div class="dialog" role="alertdialog" aria-labelledby="revoke-heading" aria-describedby="revoke-what">
<h1 id="revoke-heading">Revoke API key?</h1>
<p id="revoke-what"><strong>${key.name}</strong> <span class="mono">${maskSecret(key.secret, NORA_PREFIX[key.env].length, MASK_SHOWN)}</span> (${ENV_LABEL[key.env]}) stops working immediately. Revocation is permanent.</p>
${postForm(`/api-keys/${encodeURIComponent(key.id)}/revoke`, csrf, html`<button type="submit" class="danger">Revoke key</button> <a class="button" href="${withInstance('/api-keys', key.env)}">Cancel</a>`)}
</div>`,
          );
        },
      },
      {
        method: 'POST',
        path: '/api-keys/:id/revoke',
        run: (req, { id = '' }) => {
          const key = control.keys().find((k) => k.id === id && k.org === org && k.status === 'active');
          if (!key) return view(req, null, 'API Keys', html`<h1>API Keys</h1><p class="error">This key is not active: there is nothing to revoke.</p><p><a href="/api-keys">Back to API Keys</a></p>`, 404);
          control.revokeKey(key.id);
          return redirect(`${withInstance('/api-keys', key.env)}&revoked=1`);
        },
      },
    ],
  };
}
