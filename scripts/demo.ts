// `npm run demo`: the provider emulators and the app on a fresh demo vault — keys in every provider,
// both environments, some near expiry — a tour without any provider account. Runs in a private
// keyring (scripts/with-keyring.mjs), so no demo key touches your own keychain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppCore } from '../electron/app/app-core.js';
import { KeytarSecretStore } from '../electron/core/node/keychain/keytar-secret-store.js';
import { startBrowserMode } from '../electron/web/browser-mode.js';
import { NORA_KEYS_PATH, startAllEmulators } from '../test/emulators/index.js';

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

const keys: { ref: string; name: string; secret: string; expiresOn?: string; maxAgeDays?: number }[] = [
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

const { host, close } = await startBrowserMode({ home, secrets: new KeytarSecretStore(), port: process.env.KEYTURN_DEMO_PORT ? Number(process.env.KEYTURN_DEMO_PORT) : undefined });
const dashboards = [
  ['Xora', 'Dashboard → Tokens (Create Token, delete)', emulators.xora.dashboardUrl()],
  ['Nora', 'instance picker, Sidebar → API Keys (Create API key with an expiration date, revoke)', emulators.nora.dashboardUrl('production')],
  ['Nexora', 'Settings → API Keys (Keyturn also creates and revokes Nexora keys by its API)', emulators.nexora.dashboardUrl()],
  ['Xerotier', `Projects → ${project.slug} → project settings (Generate API key, Revoke)`, emulators.xerotier.dashboardUrl()],
] as const;
process.stdout.write(
  [
    `Keyturn demo: ${keys.length} keys over four emulated providers, vault in ${home}`,
    `Open this link (it works once): ${host.launchUrl}`,
    'Emulated provider dashboards (the guided steps link here; no account needed):',
    ...dashboards.map(([provider, what, url]) => `  ${provider} dashboard, ${what}: ${url}`),
    '',
  ].join('\n'),
);
await new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
await close();
await emulators.close();
