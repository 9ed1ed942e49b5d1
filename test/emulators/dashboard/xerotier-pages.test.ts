import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../index.js';
import type { XerotierEmulator, XerotierProject } from '../index.js';
import { call } from '../test-client.js';
import { csrfOf, followed, open, shownSecret, submit } from './browse.js';

describe('Xerotier dashboard: a project’s settings page', () => {
  let xerotier: XerotierEmulator;
  let research: XerotierProject;
  beforeEach(async () => {
    xerotier = await startEmulator('xerotier');
    research = xerotier.control.createProject({ slug: 'research' });
  });
  afterEach(() => xerotier.close());

  const url = (path: string) => new URL(path, xerotier.dashboardUrl()).toString();
  const settings = (p: XerotierProject) => url(`/dashboard/projects/${p.id}/settings`);
  const models = (projectId: string, secret: string) => call(`${xerotier.baseUrl()}/${projectId}/v1/models`, { headers: { authorization: `Bearer ${secret}` } });
  async function generate(p: XerotierProject, name: string) {
    const page = await open(settings(p));
    return submit(`${settings(p)}/api-keys`, { name }, csrfOf(page));
  }

  it('lists the projects, each leading to its settings page with the CSRF token in a meta tag', async () => {
    expect(xerotier.dashboardUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    const home = await open(xerotier.dashboardUrl());
    expect(home.html).toContain(`href="/dashboard/projects/${research.id}/settings">research</a>`);
    const page = await open(settings(research));
    expect(page.html).toContain('Project settings — research');
    expect(page.html).toContain('>Generate API key</button>');
    expect(csrfOf(page)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('generates a project-scoped key, shown once: it works under its own project id only', async () => {
    const shownAt = followed(settings(research), await generate(research, 'notebooks'));
    const secret = shownSecret(await open(shownAt)) ?? '';
    expect(secret).toMatch(/^xero_research_[A-Za-z0-9_-]{43}$/);
    expect((await models(research.id, secret)).status).toBe(200);
    expect((await models(xerotier.control.defaultProject().id, secret)).status).toBe(401);
    const again = await open(shownAt);
    expect(again.status).toBe(410);
    expect(again.html).not.toContain(secret);
    const list = await open(settings(research));
    expect(list.html).toContain(`<td class="mono">${secret.slice(0, 'xero_research_'.length + 4)}…</td><td>active</td>`);
    expect(list.html).not.toContain(secret);
    expect(await open(settings(xerotier.control.defaultProject()))).toMatchObject({ html: expect.not.stringContaining('notebooks') });
  });

  it('revokes permanently: the key stays listed as revoked, with no way back, and the API answers 401', async () => {
    const secret = shownSecret(await open(followed(settings(research), await generate(research, 'gateway')))) ?? '';
    const [key] = xerotier.control.keys();
    const page = await open(settings(research));
    const revoked = await submit(`${settings(research)}/api-keys/${key?.id}/revoke`, {}, csrfOf(page));
    const after = await open(followed(settings(research), revoked));
    expect(after.html).toContain('<td>revoked</td>');
    expect(after.html).not.toContain('aria-label="Revoke gateway"');
    expect((await models(research.id, secret)).status).toBe(401);
    expect((await submit(`${settings(research)}/api-keys/${key?.id}/revoke`, {}, csrfOf(page))).status).toBe(404);
  });

  it('never lets a key name run as markup', async () => {
    const shown = await open(followed(settings(research), await generate(research, '<script>alert(1)</script>')));
    for (const page of [shown, await open(settings(research))]) {
      expect(page.html).not.toContain('<script>');
      expect(page.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    }
  });
});
