// The demo's vault: the provider emulators, and a fresh vault with keys in every provider, both
// environments, some near expiry, each instance's dashboard its emulator's. Shared by `npm run demo`
// and the README's screenshots, so both show the same tour.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppCore } from '../electron/app/app-core.js';
import { KeytarSecretStore } from '../electron/core/node/keychain/keytar-secret-store.js';
import { NORA_KEYS_PATH, startAllEmulators, type AllEmulators } from '../test/emulators/index.js';

export interface DemoKey {
  ref: string;
  name: string;
  secret: string;
  expiresOn?: string;
  maxAgeDays?: number;
}

export interface DemoVault {
  home: string;
  emulators: AllEmulators;
  keys: DemoKey[];
  /** Each provider's emulated dashboard: its name, what is on it, its URL. */
  dashboards: readonly (readonly [string, string, string])[];
}

export async function openDemoVault(): Promise<DemoVault> {
  const emulators = await startAllEmulators({ latencyMs: 30 });
  const home = mkdtempSync(join(tmpdir(), 'keyturn-demo-'));
  const core = openAppCore(home, { name: 'the demo', secrets: new KeytarSecretStore() });
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  const project = emulators.xerotier.control.createProject({ slug: 'acme-ml' });
  // Every instance's dashboard is its emulator's, so the guided steps' links open those pages.
  const instances = [
    // Nora's documents name no verify endpoint: set the one the emulator serves, as with a real Nora.
    { provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: emulators.nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH, dashboardUrl: emulators.nora.dashboardUrl('production') },
    { provider: 'nora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: emulators.nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH, dashboardUrl: emulators.nora.dashboardUrl('sandbox') },
    { provider: 'xora', org: 'acme', name: 'jobs', env: 'production', baseUrl: emulators.xora.baseUrl(), dashboardUrl: emulators.xora.dashboardUrl() },
    { provider: 'nexora', org: 'acme', name: 'self-hosted', env: 'production', baseUrl: emulators.nexora.baseUrl(), dashboardUrl: emulators.nexora.dashboardUrl() },
    { provider: 'nexora', org: 'acme', name: 'dev', env: 'sandbox', baseUrl: emulators.nexora.baseUrl(), dashboardUrl: emulators.nexora.dashboardUrl() },
    { provider: 'xerotier', org: 'acme-ml', name: 'inference', env: 'production', baseUrl: emulators.xerotier.baseUrl(), projectId: project.id, dashboardUrl: emulators.xerotier.dashboardUrl() },
  ] as const;
  for (const i of instances) await core.vault.addInstance(i);

  const keys: DemoKey[] = [
    { ref: 'nora/acme/live', name: 'backend', secret: emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme', expiresAt: inDays(5) }).secret, expiresOn: inDays(5) },
    { ref: 'nora/acme/live', name: 'billing-worker', secret: emulators.nora.control.createKey({ name: 'billing', env: 'production', org: 'acme', expiresAt: inDays(120) }).secret, expiresOn: inDays(120) },
    { ref: 'nora/acme/staging', name: 'backend', secret: emulators.nora.control.createKey({ name: 'backend', env: 'sandbox', org: 'acme' }).secret },
    { ref: 'xora/acme/jobs', name: 'ci', secret: emulators.xora.control.createKey({ name: 'CI' }).secret, maxAgeDays: 90 },
    { ref: 'nexora/acme/self-hosted', name: 'agents', secret: emulators.nexora.control.createKey({ name: 'agents' }).secret, maxAgeDays: 30 },
    { ref: 'nexora/acme/dev', name: 'local', secret: emulators.nexora.control.createKey({ name: 'local' }).secret },
    { ref: 'xerotier/acme-ml/inference', name: 'gateway', secret: emulators.xerotier.control.createKey({ name: 'gateway', projectId: project.id }).secret },
  ];
  for (const k of keys) await core.vault.addKey({ instanceRef: k.ref, name: k.name, secret: k.secret, ...(k.expiresOn ? { expiresOn: k.expiresOn } : {}), ...(k.maxAgeDays ? { maxAgeDays: k.maxAgeDays } : {}) });
  await core.vault.verify('all');
  await core.close();
  const dashboards = [
    ['Xora', 'Dashboard → Tokens (Create Token, delete)', emulators.xora.dashboardUrl()],
    ['Nora', 'instance picker, Sidebar → API Keys (Create API key with an expiration date, revoke)', emulators.nora.dashboardUrl('production')],
    ['Nexora', 'Settings → API Keys (Keyturn also creates and revokes Nexora keys by its API)', emulators.nexora.dashboardUrl()],
    ['Xerotier', `Projects → ${project.slug} → project settings (Generate API key, Revoke)`, emulators.xerotier.dashboardUrl()],
  ] as const;
  return { home, emulators, keys, dashboards };
}
