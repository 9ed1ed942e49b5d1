import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllEmulators } from '../index.js';
import type { AllEmulators, ProviderName } from '../index.js';
import { csrfOf, open, submit } from './browse.js';

/** Where each dashboard's create form posts, and what it sends. */
const CREATE: Record<ProviderName, { form: string; action: (all: AllEmulators) => string; fields: Record<string, string> }> = {
  xora: { form: '/app/tokens', action: () => '/app/tokens', fields: { name: 'k' } },
  nexora: { form: '/settings/api-keys', action: () => '/settings/api-keys', fields: { name: 'k' } },
  nora: { form: '/api-keys/new?instance=production', action: () => '/api-keys/new', fields: { instance: 'production', name: 'k', expiresOn: '' } },
  xerotier: {
    form: '/dashboard',
    action: (all) => `/dashboard/projects/${all.xerotier.control.defaultProject().id}/settings/api-keys`,
    fields: { name: 'k' },
  },
};
const PROVIDERS = Object.keys(CREATE) as ProviderName[];

/** A GET with a Host header of our choosing (fetch does not let one set it). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('every emulated dashboard', () => {
  let all: AllEmulators;
  beforeAll(async () => {
    all = await startAllEmulators();
  });
  afterAll(() => all.close());

  const url = (p: ProviderName, path: string) => new URL(path, all[p].dashboardUrl()).toString();

  it.each(PROVIDERS)('%s: refuses a form without the dashboard’s token, or with a wrong one, and creates nothing', async (p) => {
    const { action, fields } = CREATE[p];
    for (const token of [null, 'not-the-token']) {
      const refused = await submit(url(p, action(all)), fields, token);
      expect(refused.status).toBe(403);
    }
    expect(all[p].control.keys()).toEqual([]);
  });

  it.each(PROVIDERS)('%s: refuses a form sent from another site’s page, even with the token', async (p) => {
    const { form, action, fields } = CREATE[p];
    const token = csrfOf(await open(url(p, form)));
    const refused = await submit(url(p, action(all)), fields, token, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(all[p].control.keys()).toEqual([]);
    // The same form from the dashboard's own page goes through.
    expect((await submit(url(p, action(all)), fields, token)).status).toBe(303);
  });

  it.each(PROVIDERS)('%s: never serves a page to a host name that is not loopback (a DNS-rebound site)', async (p) => {
    const home = all[p].dashboardUrl();
    const port = new URL(home).port;
    expect(await getWithHost(home, `evil.example:${port}`)).toBe(421);
    expect(await getWithHost(home, `localhost:${port}`)).toBe(200);
  });

  it.each(PROVIDERS)('%s: pages run no script and load nothing from elsewhere, and are never cached nor framed', async (p) => {
    const page = await open(url(p, CREATE[p].form));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(csp).toContain("form-action 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    // A browser then sends its Origin with the page's forms (under no-referrer it sends "null").
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.html).not.toMatch(/<script|\son[a-z]+=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it.each(PROVIDERS)('%s: the dashboard is on the API’s own origin, where the keys go (what a loopback dashboard link needs to open)', (p) => {
    for (const env of ['sandbox', 'production'] as const) expect(new URL(all[p].dashboardUrl(env)).origin).toBe(new URL(all[p].baseUrl(env)).origin);
  });

  it.each(PROVIDERS)('%s: the dashboard is not the API: its requests are neither logged nor faulted', async (p) => {
    all[p].control.resetRequests();
    all[p].control.setFault({ status: 503 });
    try {
      expect((await open(all[p].dashboardUrl())).status).toBe(200);
      expect(all[p].control.requests()).toEqual([]);
    } finally {
      all[p].control.clearFaults();
    }
  });
});
