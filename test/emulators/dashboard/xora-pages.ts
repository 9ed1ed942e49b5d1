// Xora's dashboard (doc 000): Dashboard → Tokens; Create Token with a name; the full key shown
// once ("it won't be shown again"); the delete button next to a key revokes it at once (401).
// Where the document is silent: no confirmation before the delete (none is described), a deleted
// token leaves the list, and the list shows `nte_` and four characters.
import type { Reply } from '../server.js';
import type { XoraControl } from '../types.js';
import { keyName, maskSecret, NAME_MAX } from './forms.js';
import { html, page, postForm, redirect, when } from './html.js';
import type { Markup } from './html.js';
import { ShownOnce } from './http.js';
import type { DashboardPages } from './http.js';

type XoraKeys = Pick<XoraControl, 'createKey' | 'revokeKey' | 'keys'>;

export const XORA_DASHBOARD_HOME = '/app';

export function xoraPages(control: XoraKeys, csrf: string): DashboardPages {
  const shown = new ShownOnce<{ name: string; secret: string }>();
  const sidebar = html`<a href="/app">Dashboard</a><a href="/app/tokens">Tokens</a>`;
  const view = (title: string, body: Markup, status = 200): Reply => page({ product: 'Xora', title, csrf, sidebar, body, status });

  const tokens = (notice: string | null, error: string | null, typed: string, status = 200): Reply => {
    const live = control.keys().filter((k) => k.status !== 'revoked');
    const rows = live.map(
      (k) => html`<tr><td>${k.name}</td><td class="mono">${maskSecret(k.secret, 4, 4)}</td><td>${when(k.createdAt)}</td>
<td>${postForm(`/app/tokens/${encodeURIComponent(k.id)}/delete`, csrf, html`<button type="submit" class="danger" aria-label="Delete ${k.name}">Delete</button>`, 'inline')}</td></tr>`,
    );
    return view(
      'Tokens',
      html`<h1>Dashboard → Tokens</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<section aria-labelledby="create-heading" class="dialog">
<h2 id="create-heading">Create Token</h2>
${postForm(
  '/app/tokens',
  csrf,
  html`<label for="token-name">Name</label>
<input type="text" id="token-name" name="name" maxlength="${NAME_MAX}" placeholder="Production API" value="${typed}" required${error ? html` aria-invalid="true" aria-describedby="token-name-error"` : ''}>
${error ? html`<p id="token-name-error" class="error">${error}</p>` : ''}
<p><button type="submit" class="primary">Create Token</button></p>`,
)}
</section>
<h2>Your tokens</h2>
${live.length === 0 ? html`<p>No tokens yet.</p>` : html`<table><thead><tr><th>Name</th><th>Token</th><th>Created</th><th><span class="muted">Delete</span></th></tr></thead><tbody>${rows}</tbody></table>`}`,
      status,
    );
  };

  return {
    home: XORA_DASHBOARD_HOME,
    owns: (path) => path === '/app' || path.startsWith('/app/'),
    routes: [
      {
        method: 'GET',
        path: '/app',
        run: () => view('Dashboard', html`<h1>Dashboard</h1><p>Manage the API keys of your Xora account in <a href="/app/tokens">Tokens</a>.</p>`),
      },
      { method: 'GET', path: '/app/tokens', run: (req) => tokens(req.query.get('deleted') === '1' ? 'The token was deleted: requests using it now get 401.' : null, null, '') },
      {
        method: 'POST',
        path: '/app/tokens',
        run: (req) => {
          const name = keyName(req.form, 'Name');
          if (!name.ok) return tokens(null, name.error, req.form.get('name') ?? '', 400);
          const key = control.createKey({ name: name.value });
          return redirect(`/app/tokens/created/${shown.keep({ name: key.name, secret: key.secret })}`);
        },
      },
      {
        method: 'GET',
        path: '/app/tokens/created/:ticket',
        run: (_req, { ticket = '' }) => {
          const created = shown.take(ticket);
          if (!created) {
            return view('Token created', html`<h1>Token created</h1><p class="warning">This token's full key was shown once and is not shown again. If it was not copied, delete the token and create a new one.</p><p><a href="/app/tokens">Back to Tokens</a></p>`, 410);
          }
          return view(
            'Token created',
            html`<h1>Token created</h1>
<div class="dialog" role="dialog" aria-labelledby="created-heading">
<h2 id="created-heading">${created.name}</h2>
<p class="warning">Copy the full key immediately — it won’t be shown again.</p>
<label for="created-secret">Your new token</label>
<input type="text" id="created-secret" class="secret" readonly value="${created.secret}">
<p><a class="button primary" href="/app/tokens">Done</a></p>
</div>`,
          );
        },
      },
      {
        method: 'POST',
        path: '/app/tokens/:id/delete',
        run: (_req, { id = '' }) => {
          const key = control.keys().find((k) => k.id === id && k.status !== 'revoked');
          if (!key) return view('Tokens', html`<h1>Dashboard → Tokens</h1><p class="error">No such token: it may have been deleted already.</p><p><a href="/app/tokens">Back to Tokens</a></p>`, 404);
          control.revokeKey(key.id);
          return redirect('/app/tokens?deleted=1');
        },
      },
    ],
  };
}
