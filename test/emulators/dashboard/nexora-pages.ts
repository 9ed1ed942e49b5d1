// Nexora's workspace (doc 001): Settings → API Keys, signed in as the default user. Create a key
// with a name (the full value shown once: "it cannot be retrieved again"), the list, revoke.
// Where the document is silent (it describes the API, not the page): the list shows what the list
// API shows (name, created, last used — no part of the key), a revoked key leaves the list as it
// leaves the API's, and the revoke needs no confirmation.
import type { Reply } from '../server.js';
import type { NexoraControl } from '../types.js';
import { keyName, NAME_MAX } from './forms.js';
import { html, page, postForm, redirect, when } from './html.js';
import type { Markup } from './html.js';
import { ShownOnce } from './http.js';
import type { DashboardPages } from './http.js';

type NexoraKeys = Pick<NexoraControl, 'createKey' | 'revokeKey' | 'keys' | 'defaultUser'>;

export function nexoraPages(control: NexoraKeys, csrf: string): DashboardPages {
  const shown = new ShownOnce<{ name: string; secret: string }>();
  const user = control.defaultUser();
  const sidebar = html`<a href="/">Workspace</a><a href="/settings">Settings</a><a href="/settings/api-keys">API Keys</a>`;
  const topBar = html`<span class="muted">Signed in as ${user.email}</span>`;
  const view = (title: string, body: Markup, status = 200): Reply => page({ product: 'Nexora', title, csrf, topBar, sidebar, body, status });
  const mine = () => control.keys().filter((k) => k.userId === user.id && k.status !== 'revoked');

  const apiKeys = (notice: string | null, error: string | null, typed: string, status = 200): Reply => {
    const rows = mine().map(
      (k) => html`<tr><td>${k.name}</td><td>${when(k.createdAt)}</td><td>${k.lastUsedAt ? when(k.lastUsedAt) : 'Never'}</td>
<td>${postForm(`/settings/api-keys/${encodeURIComponent(k.id)}/revoke`, csrf, html`<button type="submit" class="danger" aria-label="Revoke ${k.name}">Revoke</button>`, 'inline')}</td></tr>`,
    );
    return view(
      'API Keys',
      html`<h1>Settings → API Keys</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<section class="dialog" aria-labelledby="create-heading">
<h2 id="create-heading">Create key</h2>
${postForm(
  '/settings/api-keys',
  csrf,
  html`<label for="key-name">Name</label>
<input type="text" id="key-name" name="name" maxlength="${NAME_MAX}" placeholder="CI pipeline" value="${typed}" required${error ? html` aria-invalid="true" aria-describedby="key-name-error"` : ''}>
${error ? html`<p id="key-name-error" class="error">${error}</p>` : ''}
<p><button type="submit" class="primary">Create key</button></p>`,
)}
</section>
<h2>Your API keys</h2>
${rows.length === 0 ? html`<p>No API keys.</p>` : html`<table><thead><tr><th>Name</th><th>Created</th><th>Last used</th><th><span class="muted">Revoke</span></th></tr></thead><tbody>${rows}</tbody></table>`}`,
      status,
    );
  };

  return {
    home: '/',
    owns: (path) => path === '/' || path === '/settings' || path.startsWith('/settings/'),
    routes: [
      { method: 'GET', path: '/', run: () => view('Workspace', html`<h1>Your Nexora workspace</h1><p>API keys are in <a href="/settings">Settings</a> → <a href="/settings/api-keys">API Keys</a>.</p>`) },
      { method: 'GET', path: '/settings', run: () => view('Settings', html`<h1>Settings</h1><ul><li><a href="/settings/api-keys">API Keys</a></li></ul>`) },
      { method: 'GET', path: '/settings/api-keys', run: (req) => apiKeys(req.query.get('revoked') === '1' ? 'The key was revoked: requests using it now get 401.' : null, null, '') },
      {
        method: 'POST',
        path: '/settings/api-keys',
        run: (req) => {
          const name = keyName(req.form, 'Name');
          if (!name.ok) return apiKeys(null, name.error, req.form.get('name') ?? '', 400);
          const key = control.createKey({ name: name.value, userId: user.id });
          return redirect(`/settings/api-keys/created/${shown.keep({ name: key.name, secret: key.secret })}`);
        },
      },
      {
        method: 'GET',
        path: '/settings/api-keys/created/:ticket',
        run: (_req, { ticket = '' }) => {
          const created = shown.take(ticket);
          if (!created) {
            return view('API key created', html`<h1>API key created</h1><p class="warning">The full key value is only shown once at creation and cannot be retrieved again. If it was not stored, revoke the key and create a new one.</p><p><a href="/settings/api-keys">Back to API Keys</a></p>`, 410);
          }
          return view(
            'API key created',
            html`<div class="dialog" role="dialog" aria-labelledby="created-heading">
<h1 id="created-heading">API key created — ${created.name}</h1>
<label for="created-secret">Key</label>
<input type="text" id="created-secret" class="secret" readonly value="${created.secret}">
<p class="warning">The full key value is only shown once. Store it securely — it cannot be retrieved again.</p>
<p><a class="button primary" href="/settings/api-keys">Done</a></p>
</div>`,
          );
        },
      },
      {
        method: 'POST',
        path: '/settings/api-keys/:id/revoke',
        run: (_req, { id = '' }) => {
          const key = mine().find((k) => k.id === id);
          if (!key) return view('API Keys', html`<h1>Settings → API Keys</h1><p class="error">No such key: it may have been revoked already.</p><p><a href="/settings/api-keys">Back to API Keys</a></p>`, 404);
          control.revokeKey(key.id);
          return redirect('/settings/api-keys?revoked=1');
        },
      },
    ],
  };
}
