import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startEmulator } from '../index.js';
import type { NoraEmulator, NoraEnv } from '../index.js';
import { call, DAY_MS, manualClock } from '../test-client.js';
import { csrfOf, followed, open, shownSecret, submit } from './browse.js';

describe('Nora dashboard: instance picker, Sidebar → API Keys', () => {
  let nora: NoraEmulator;
  const clock = manualClock('2026-03-01T12:00:00.000Z');
  beforeEach(async () => {
    nora = await startEmulator('nora', { now: clock.now });
  });
  afterEach(() => nora.close());

  const url = (path: string) => new URL(path, nora.dashboardUrl()).toString();
  const keyList = (env: NoraEnv, secret: string) => call(`${nora.baseUrl(env)}${NORA_KEYS_PATH}`, { headers: { 'x-api-key': secret } });

  async function createKey(env: NoraEnv, fields: { name: string; expiresOn?: string }) {
    const dialog = await open(url(`/api-keys/new?instance=${env}`));
    const sent = await submit(url('/api-keys/new'), { instance: env, name: fields.name, expiresOn: fields.expiresOn ?? '' }, csrfOf(dialog));
    return sent;
  }

  it('opens with no instance selected: the list waits for the picker and Create API key is disabled', async () => {
    const home = await open(nora.dashboardUrl());
    expect(home.status).toBe(200);
    expect(home.html).toContain('<option value="" selected>Select an instance</option>');
    expect(home.html).toContain('<a href="/api-keys">API Keys</a>');
    const list = await open(url('/api-keys'));
    expect(list.html).toContain('<button type="button" class="primary" disabled aria-describedby="pick-first">Create API key</button>');
    expect(list.html).not.toContain('<table>');
    // Without an instance there is no dialog to open.
    expect((await open(url('/api-keys/new'))).status).toBe(303);
  });

  it('creates a production key with a name and an expiration date: sk_live_, shown once, working on production only', async () => {
    const sent = await createKey('production', { name: 'backend-2026-04', expiresOn: '2026-06-30' });
    const shownAt = followed(url('/api-keys/new'), sent);
    const shown = await open(shownAt);
    const secret = shownSecret(shown) ?? '';
    expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{32}$/);
    expect(shown.html).toContain('Nora will not show the secret again');
    expect(shown.html).toContain('>Close</a>');
    expect((await keyList('production', secret)).status).toBe(200);
    expect((await keyList('sandbox', secret)).status).toBe(401);
    expect(nora.control.keys()).toEqual([expect.objectContaining({ name: 'backend-2026-04', env: 'production', org: 'acme', expiresAt: '2026-06-30T00:00:00.000Z', secret })]);

    const again = await open(shownAt);
    expect(again.status).toBe(410);
    expect(again.html).not.toContain(secret);
    // From any page the instance picker leads to the chosen instance's keys.
    expect(again.html).toContain('<form method="get" action="/api-keys" class="inline" aria-label="Instance picker">');
    const list = await open(url('/api-keys?instance=production'));
    expect(list.html).toContain(`<td class="mono">${secret.slice(0, 14)}…</td><td>active</td>`);
    expect(list.html).toContain('<td>2026-06-30</td>');
    expect(list.html).not.toContain(secret);
    // Keys are instance-scoped: the sandbox list does not show it.
    expect((await open(url('/api-keys?instance=sandbox'))).html).not.toContain('backend-2026-04');
  });

  it('is one dashboard on both servers: a key created from the production server’s is listed by the sandbox server’s', async () => {
    const production = nora.dashboardUrl('production');
    expect(new URL(production).origin).toBe(new URL(nora.baseUrl('production')).origin);
    expect(new URL(nora.dashboardUrl('sandbox')).origin).toBe(new URL(nora.baseUrl('sandbox')).origin);
    const dialog = await open(new URL('/api-keys/new?instance=production', production).toString());
    expect((await submit(new URL('/api-keys/new', production).toString(), { instance: 'production', name: 'from-prod', expiresOn: '' }, csrfOf(dialog))).status).toBe(303);
    expect((await open(url('/api-keys?instance=production'))).html).toContain('<td>from-prod</td>');
  });

  it('a sandbox key without an expiration date is sk_test_ and never expires', async () => {
    const shown = await open(followed(url('/api-keys/new'), await createKey('sandbox', { name: 'ci' })));
    const secret = shownSecret(shown) ?? '';
    expect(secret).toMatch(/^sk_test_/);
    expect((await keyList('sandbox', secret)).status).toBe(200);
    expect((await open(url('/api-keys?instance=sandbox'))).html).toContain('<td>Never</td>');
  });

  it('refuses an expiration date before tomorrow, or no name, next to the field, and creates nothing', async () => {
    const dialog = await open(url('/api-keys/new?instance=production'));
    expect(dialog.html).toContain('min="2026-03-02"');
    for (const expiresOn of ['2026-03-01', '2026-02-28']) {
      const refused = await createKey('production', { name: 'k', expiresOn });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('<p id="key-expiry-error" class="error">Minimum expiration is tomorrow (2026-03-02).</p>');
      expect(refused.html).toContain('value="k"');
    }
    expect((await createKey('production', { name: 'k', expiresOn: '2026-02-30' })).html).toContain('Expiration date must be a date (YYYY-MM-DD).');
    expect((await createKey('production', { name: ' ' })).html).toContain('<p id="key-name-error" class="error">Key name is required.</p>');
    expect(nora.control.keys()).toEqual([]);
    expect((await createKey('production', { name: 'k', expiresOn: '2026-03-02' })).status).toBe(303);
  });

  it('revokes through the trash icon and the "Revoke API key?" confirmation: permanent, then 401 api_key_revoked', async () => {
    const shown = await open(followed(url('/api-keys/new'), await createKey('production', { name: 'backend-old' })));
    const secret = shownSecret(shown) ?? '';
    const [key] = nora.control.keys();
    const list = await open(url('/api-keys?instance=production'));
    expect(list.html).toContain(`href="/api-keys/${key?.id}/revoke?instance=production" aria-label="Revoke backend-old"`);
    const confirm = await open(url(`/api-keys/${key?.id}/revoke?instance=production`));
    expect(confirm.html).toContain('Revoke API key?');
    expect(confirm.html).toContain('<strong>backend-old</strong>');
    expect(nora.control.keys()[0]?.status).toBe('active');
    const revoked = await submit(url(`/api-keys/${key?.id}/revoke`), {}, csrfOf(confirm));
    const after = await open(followed(url('/api-keys'), revoked));
    expect(after.html).toContain('<td>revoked</td>');
    expect(after.html).not.toContain('aria-label="Revoke backend-old"');
    const answer = await keyList('production', secret);
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ code: 'api_key_revoked' });
    expect((await submit(url(`/api-keys/${key?.id}/revoke`), {}, csrfOf(confirm))).status).toBe(404);
  });

  it('shows an expired key as expired, with no trash icon', async () => {
    await createKey('sandbox', { name: 'short', expiresOn: '2026-03-02' });
    clock.advance(2 * DAY_MS);
    const list = await open(url('/api-keys?instance=sandbox'));
    expect(list.html).toContain('<td>expired</td>');
    expect(list.html).not.toContain('aria-label="Revoke short"');
  });

  it('never lets a key name run as markup, in the list, the created dialog or the confirmation', async () => {
    const name = '<script>alert(1)</script>';
    const shown = await open(followed(url('/api-keys/new'), await createKey('production', { name })));
    const [key] = nora.control.keys();
    const pages = [shown, await open(url('/api-keys?instance=production')), await open(url(`/api-keys/${key?.id}/revoke`))];
    for (const page of pages) {
      expect(page.html).not.toContain('<script>');
      expect(page.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    }
  });
});
