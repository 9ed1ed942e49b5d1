import { expect, it } from 'vitest';
import { isDashboardUrl } from '../../../electron/app/dashboard-allowlist.js';
import type { Instance, VaultDocument } from '../../../electron/core/domain/model.js';

const at = '2026-01-01T00:00:00.000Z';
const doc = (instances: Instance[]): VaultDocument => ({ schemaVersion: 1, instances, keys: [], customProviders: [], rotations: [] });
const selfHosted: Instance = { id: 'i1', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: 'https://nexora.acme.internal/api', createdAt: at };

it('allows the built-in dashboards and each instance’s own (a self-hosted Nexora)', () => {
  for (const url of ['https://xora.sh/app', 'https://app.nora.finance/settings/api-keys', 'https://xerotier.ai/', 'https://nexora.acme.internal/keys']) expect(isDashboardUrl(doc([selfHosted]), url), url).toBe(true);
});

it('never allows another origin, another scheme, credentials in the URL, or a look-alike host', () => {
  for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@xora.sh/app', 'https://xora.sh.evil.example/', 'http://xora.sh/app', 'not a url']) {
    expect(isDashboardUrl(doc([selfHosted]), url), url).toBe(false);
  }
});

// The demo (`npm run demo`) stores each instance's emulated dashboard on the emulator's own server:
// the same loopback origin as the instance's API.
const demoNora: Instance = { id: 'i2', provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: 'http://127.0.0.1:41001', dashboardUrl: 'http://127.0.0.1:41001', createdAt: at };
const demoXora: Instance = { id: 'i3', provider: 'xora', org: 'acme', name: 'jobs', env: 'production', baseUrl: 'http://127.0.0.1:41002/v1', dashboardUrl: 'http://127.0.0.1:41002/app', createdAt: at };

it('opens a loopback dashboard on the origin of its instance’s own API (the demo’s emulators, a Nexora on localhost)', () => {
  const localNexora: Instance = { ...selfHosted, id: 'i4', name: 'local', baseUrl: 'http://localhost:8000/api' };
  const vault = doc([demoNora, demoXora, localNexora]);
  for (const url of ['http://127.0.0.1:41001/', 'http://127.0.0.1:41001/api-keys?instance=production', 'http://127.0.0.1:41002/app/tokens', 'http://localhost:8000/settings/api-keys']) {
    expect(isDashboardUrl(vault, url), url).toBe(true);
  }
});

it('never opens an arbitrary loopback URL: not in a vault without loopback instances, not on another port of a loopback one', () => {
  for (const url of ['http://127.0.0.1:41001/', 'http://localhost:3000/', 'http://[::1]:41002/app']) expect(isDashboardUrl(doc([selfHosted]), url), url).toBe(false);
  const vault = doc([demoNora, demoXora]);
  for (const url of ['http://127.0.0.1:41003/', 'http://localhost:41001/', 'http://127.0.0.1/', 'https://127.0.0.1:41001/', 'http://127.0.0.1:41001@evil.example/']) {
    expect(isDashboardUrl(vault, url), url).toBe(false);
  }
});

it('never opens a loopback dashboard that only the vault names, on an origin none of the instance’s keys are sent to', () => {
  // A stored dashboard URL pointing at some other local service (another app's admin page, this host itself).
  const elsewhere: Instance = { ...demoXora, id: 'i5', name: 'odd', dashboardUrl: 'http://127.0.0.1:5000/admin' };
  expect(isDashboardUrl(doc([elsewhere]), 'http://127.0.0.1:5000/admin')).toBe(false);
  // An https dashboard of the vault's choosing is the person's own setting, as before.
  const custom: Instance = { ...demoXora, id: 'i6', name: 'custom', dashboardUrl: 'https://tokens.acme.example/xora' };
  expect(isDashboardUrl(doc([custom]), 'https://tokens.acme.example/xora')).toBe(true);
});
