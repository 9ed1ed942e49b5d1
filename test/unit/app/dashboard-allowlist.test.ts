import { expect, it } from 'vitest';
import { isDashboardUrl } from '../../../electron/app/dashboard-allowlist.js';
import type { VaultDocument } from '../../../electron/core/domain/model.js';

const doc: VaultDocument = {
  schemaVersion: 1,
  instances: [{ id: 'i1', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: 'https://nexora.acme.internal/api', createdAt: '2026-01-01T00:00:00.000Z' }],
  keys: [],
  customProviders: [],
  rotations: [],
};

it('allows the built-in dashboards and each instance’s own (a self-hosted Nexora)', () => {
  for (const url of ['https://xora.sh/app', 'https://app.nora.finance/settings/api-keys', 'https://xerotier.ai/', 'https://nexora.acme.internal/keys']) expect(isDashboardUrl(doc, url), url).toBe(true);
});

it('never allows another origin, another scheme, credentials in the URL, or a look-alike host', () => {
  for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@xora.sh/app', 'https://xora.sh.evil.example/', 'http://xora.sh/app', 'not a url']) {
    expect(isDashboardUrl(doc, url), url).toBe(false);
  }
});
