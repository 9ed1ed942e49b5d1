import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../index.js';
import type { XoraEmulator } from '../index.js';
import { call } from '../test-client.js';
import { csrfOf, followed, open, shownSecret, submit } from './browse.js';

describe('Xora dashboard: Dashboard → Tokens', () => {
  let xora: XoraEmulator;
  beforeEach(async () => {
    xora = await startEmulator('xora');
  });
  afterEach(() => xora.close());

  const tokensUrl = () => new URL('/app/tokens', xora.dashboardUrl()).toString();
  const jobs = (secret: string) => call(`${xora.baseUrl()}/jobs`, { headers: { authorization: `Bearer ${secret}` } });

  async function createToken(name: string) {
    const tokens = await open(tokensUrl());
    const created = await submit(tokensUrl(), { name }, csrfOf(tokens));
    const shownAt = followed(tokensUrl(), created);
    return { shownAt, page: await open(shownAt) };
  }

  it('lands on the dashboard at /app, which leads to Tokens and its Create Token form', async () => {
    expect(xora.dashboardUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app$/);
    const home = await open(xora.dashboardUrl());
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.html).toContain('<a href="/app/tokens">Tokens</a>');
    const tokens = await open(tokensUrl());
    expect(tokens.html).toContain('Dashboard → Tokens');
    expect(tokens.html).toContain('>Create Token</button>');
  });

  it('Create Token makes a real key: shown in full once, then it answers the API; the list shows it masked', async () => {
    const { shownAt, page } = await createToken('Production API');
    const secret = shownSecret(page);
    expect(secret).toMatch(/^nte_[A-Za-z0-9_-]{48}$/);
    expect(page.html).toContain('it won’t be shown again');
    expect((await jobs(secret ?? '')).status).toBe(200);
    expect(xora.control.keys()).toEqual([expect.objectContaining({ name: 'Production API', secret, status: 'active' })]);

    const again = await open(shownAt);
    expect(again.status).toBe(410);
    expect(shownSecret(again)).toBeNull();
    expect(again.html).not.toContain(secret);
    const list = await open(tokensUrl());
    expect(list.html).toContain('Production API');
    expect(list.html).toContain(`${(secret ?? '').slice(0, 8)}…`);
    expect(list.html).not.toContain(secret);
  });

  it('the delete button next to a token revokes it at once: the API then answers the documented 401', async () => {
    const { page } = await createToken('CI');
    const secret = shownSecret(page) ?? '';
    const [key] = xora.control.keys();
    const list = await open(tokensUrl());
    expect(list.html).toContain(`action="/app/tokens/${key?.id}/delete"`);
    const deleted = await submit(new URL(`/app/tokens/${key?.id}/delete`, xora.dashboardUrl()).toString(), {}, csrfOf(list));
    const after = await open(followed(tokensUrl(), deleted));
    expect(after.html).toContain('The token was deleted');
    expect(after.html).not.toContain('<td>CI</td>');
    const answer = await jobs(secret);
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(xora.control.keys()[0]?.status).toBe('revoked');
    // Revocation is permanent: a second delete finds nothing to delete.
    expect((await submit(new URL(`/app/tokens/${key?.id}/delete`, xora.dashboardUrl()).toString(), {}, csrfOf(list))).status).toBe(404);
  });

  it('never lets a token name run as markup: <script> is shown as text in the list and the created page', async () => {
    const name = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const { page } = await createToken(name);
    const list = await open(tokensUrl());
    for (const html of [page.html, list.html]) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;img src=x onerror=alert(1)&#62;');
    }
    expect(xora.control.keys()[0]?.name).toBe(name);
  });

  it('refuses an empty name in words next to the field, and creates nothing', async () => {
    const tokens = await open(tokensUrl());
    const refused = await submit(tokensUrl(), { name: '   ' }, csrfOf(tokens));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<p id="token-name-error" class="error">Name is required.</p>');
    expect(xora.control.keys()).toEqual([]);
  });
});
