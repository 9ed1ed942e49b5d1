// Xerotier's dashboard (doc 003): keys belong to a project and live on its project settings
// page: create (the full key shown only once), revoke (permanent: "cannot be re-enabled", then
// 401). Its CSRF token is in a <meta> tag on each page, as the document says (every dashboard here
// carries it, and a hidden field, since these forms work without script).
// Where the document is silent: the list shows `xero_<slug>_` and four characters, a revoked key
// stays listed as revoked, and the revoke needs no confirmation.
import type { Reply } from '../server.js';
import type { XerotierControl, XerotierProject } from '../types.js';
import { keyName, maskSecret, NAME_MAX } from './forms.js';
import { html, page, postForm, redirect, when } from './html.js';
import type { Markup } from './html.js';
import { ShownOnce } from './http.js';
import type { DashboardPages } from './http.js';

type XerotierKeys = Pick<XerotierControl, 'createKey' | 'revokeKey' | 'keys' | 'projects'>;

export const XEROTIER_DASHBOARD_HOME = '/dashboard';

export function xerotierPages(control: XerotierKeys, csrf: string): DashboardPages {
  const shown = new ShownOnce<{ name: string; secret: string; project: XerotierProject }>();
  const sidebar = () => html`<a href="/dashboard">Projects</a>${control.projects().map((p) => html`<a href="${settingsPath(p)}">${p.slug}</a>`)}`;
  const view = (title: string, body: Markup, status = 200): Reply => page({ product: 'Xerotier', title, csrf, sidebar: sidebar(), body, status });
  const project = (id: string) => control.projects().find((p) => p.id === id);
  const noProject = () => view('Projects', html`<h1>Projects</h1><p class="error">No such project.</p><p><a href="/dashboard">Back to Projects</a></p>`, 404);

  const settings = (p: XerotierProject, notice: string | null, error: string | null, typed: string, status = 200): Reply => {
    const keys = control.keys().filter((k) => k.projectId === p.id);
    const rows = keys.map(
      (k) => html`<tr><td>${k.name}</td><td class="mono">${maskSecret(k.secret, `xero_${k.slug}_`.length, 4)}</td><td>${k.status}</td><td>${when(k.createdAt)}</td>
<td>${k.status === 'active' ? postForm(`${settingsPath(p)}/api-keys/${encodeURIComponent(k.id)}/revoke`, csrf, html`<button type="submit" class="danger" aria-label="Revoke ${k.name}">Revoke</button>`, 'inline') : ''}</td></tr>`,
    );
    return view(
      `${p.slug} settings`,
      html`<h1>Project settings — ${p.slug}</h1>
<p class="muted">Project id <code>${p.id}</code></p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<h2>API Keys</h2>
<section class="dialog" aria-labelledby="generate-heading">
<h3 id="generate-heading">Generate a new API key</h3>
${postForm(
  `${settingsPath(p)}/api-keys`,
  csrf,
  html`<label for="key-name">Name</label>
<input type="text" id="key-name" name="name" maxlength="${NAME_MAX}" placeholder="inference-prod" value="${typed}" required${error ? html` aria-invalid="true" aria-describedby="key-name-error"` : ''}>
${error ? html`<p id="key-name-error" class="error">${error}</p>` : ''}
<p><button type="submit" class="primary">Generate API key</button></p>`,
)}
</section>
${rows.length === 0 ? html`<p>No API keys in this project.</p>` : html`<table><thead><tr><th>Name</th><th>Key</th><th>Status</th><th>Created</th><th><span class="muted">Revoke</span></th></tr></thead><tbody>${rows}</tbody></table>`}`,
      status,
    );
  };

  return {
    home: XEROTIER_DASHBOARD_HOME,
    owns: (path) => path === '/dashboard' || path.startsWith('/dashboard/'),
    routes: [
      {
        method: 'GET',
        path: '/dashboard',
        run: () =>
          view(
            'Projects',
            html`<h1>Projects</h1><table><thead><tr><th>Project</th><th>Id</th><th>Created</th></tr></thead><tbody>${control
              .projects()
              .map((p) => html`<tr><td><a href="${settingsPath(p)}">${p.slug}</a></td><td><code>${p.id}</code></td><td>${when(p.createdAt)}</td></tr>`)}</tbody></table>`,
          ),
      },
      {
        method: 'GET',
        path: '/dashboard/projects/:id/settings',
        run: (req, { id = '' }) => {
          const p = project(id);
          return p ? settings(p, req.query.get('revoked') === '1' ? 'The key was revoked permanently: requests using it now get 401.' : null, null, '') : noProject();
        },
      },
      {
        method: 'POST',
        path: '/dashboard/projects/:id/settings/api-keys',
        run: (req, { id = '' }) => {
          const p = project(id);
          if (!p) return noProject();
          const name = keyName(req.form, 'Name');
          if (!name.ok) return settings(p, null, name.error, req.form.get('name') ?? '', 400);
          const key = control.createKey({ name: name.value, projectId: p.id });
          return redirect(`/dashboard/created/${shown.keep({ name: key.name, secret: key.secret, project: p })}`);
        },
      },
      {
        method: 'GET',
        path: '/dashboard/created/:ticket',
        run: (_req, { ticket = '' }) => {
          const created = shown.take(ticket);
          if (!created) {
            return view('API key created', html`<h1>API key created</h1><p class="warning">The full key is shown only once, at creation. If it was not stored, revoke the key and generate a new one.</p><p><a href="/dashboard">Back to Projects</a></p>`, 410);
          }
          return view(
            'API key created',
            html`<div class="dialog" role="dialog" aria-labelledby="created-heading">
<h1 id="created-heading">API key created — ${created.name}</h1>
<label for="created-secret">API key for ${created.project.slug}</label>
<input type="text" id="created-secret" class="secret" readonly value="${created.secret}">
<p class="warning">The full key is shown only once. Store it in an environment variable or a secrets manager now.</p>
<p><a class="button primary" href="${settingsPath(created.project)}">Done</a></p>
</div>`,
          );
        },
      },
      {
        method: 'POST',
        path: '/dashboard/projects/:id/settings/api-keys/:keyId/revoke',
        run: (_req, { id = '', keyId = '' }) => {
          const p = project(id);
          if (!p) return noProject();
          const key = control.keys().find((k) => k.id === keyId && k.projectId === p.id && k.status === 'active');
          if (!key) return settings(p, null, 'This key is not active: there is nothing to revoke.', '', 404);
          control.revokeKey(key.id);
          return redirect(`${settingsPath(p)}?revoked=1`);
        },
      },
    ],
  };
}

const settingsPath = (p: XerotierProject): string => `/dashboard/projects/${encodeURIComponent(p.id)}/settings`;
