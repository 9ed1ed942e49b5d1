import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../index.js';
import type { NexoraEmulator } from '../index.js';
import { call } from '../test-client.js';
import { csrfOf, followed, open, shownSecret, submit } from './browse.js';

describe('Nexora workspace: Settings → API Keys', () => {
  let nexora: NexoraEmulator;
  beforeEach(async () => {
    nexora = await startEmulator('nexora');
  });
  afterEach(() => nexora.close());

  const url = (path: string) => new URL(path, nexora.dashboardUrl()).toString();
  const agents = (secret: string) => call(`${nexora.baseUrl()}/agents`, { headers: { authorization: `Bearer ${secret}` } });
  async function createKey(name: string) {
    const page = await open(url('/settings/api-keys'));
    return submit(url('/settings/api-keys'), { name }, csrfOf(page));
  }

  it('lands on the workspace, at the API’s own origin, which leads to Settings → API Keys', async () => {
    expect(nexora.dashboardUrl()).toBe(`${new URL(nexora.baseUrl()).origin}/`);
    expect((await open(nexora.dashboardUrl())).html).toContain('<a href="/settings">Settings</a>');
    expect((await open(url('/settings'))).html).toContain('<a href="/settings/api-keys">API Keys</a>');
    // The API keeps its own answers.
    expect(await call(`${nexora.baseUrl()}/nope`)).toMatchObject({ status: 404 });
  });

  it('creates a key for the signed-in user, shown once, that works on the API; the list shows no part of it', async () => {
    const shownAt = followed(url('/settings/api-keys'), await createKey('CI pipeline'));
    const shown = await open(shownAt);
    const secret = shownSecret(shown) ?? '';
    expect(secret).toMatch(/^nxr_[A-Za-z0-9]{40}$/);
    expect((await agents(secret)).status).toBe(200);
    expect(nexora.control.keys()).toEqual([expect.objectContaining({ name: 'CI pipeline', userId: nexora.control.defaultUser().id, secret })]);
    const again = await open(shownAt);
    expect(again.status).toBe(410);
    expect(again.html).not.toContain(secret);
    const list = await open(url('/settings/api-keys'));
    expect(list.html).toContain('<td>CI pipeline</td>');
    expect(list.html).not.toContain(secret.slice(4, 12));
  });

  it('revokes a key: it leaves the list and the API answers 401', async () => {
    const secret = shownSecret(await open(followed(url('/settings/api-keys'), await createKey('agents')))) ?? '';
    const [key] = nexora.control.keys();
    const list = await open(url('/settings/api-keys'));
    const revoked = await submit(url(`/settings/api-keys/${key?.id}/revoke`), {}, csrfOf(list));
    const after = await open(followed(url('/settings/api-keys'), revoked));
    expect(after.html).toContain('The key was revoked');
    expect(after.html).not.toContain('<td>agents</td>');
    const answer = await agents(secret);
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ detail: 'Invalid or missing API key' });
  });

  it('never lets a key name run as markup', async () => {
    const shown = await open(followed(url('/settings/api-keys'), await createKey('<script>alert(1)</script>')));
    for (const page of [shown, await open(url('/settings/api-keys'))]) {
      expect(page.html).not.toContain('<script>');
      expect(page.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    }
  });
});
