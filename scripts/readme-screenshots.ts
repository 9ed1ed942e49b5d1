// `npm run screenshots`: the README's pictures, taken in Debian's Chromium over browser mode on the
// demo vault (scripts/demo-vault.ts), at 1440×900 — one of them dark — and at 900×600. Build the
// renderer first (npm test or `npx vite build` does). Runs in the private test keyring.
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { openAppCore } from '../electron/app/app-core.js';
import { referenceById, referenceFor } from '../electron/contract/refs.js';
import { KeytarSecretStore } from '../electron/core/node/keychain/keytar-secret-store.js';
import { startBrowserMode } from '../electron/web/browser-mode.js';
import { openDemoVault } from './demo-vault.js';

const OUT = 'docs/screenshots';
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 900, height: 600 };

const demo = await openDemoVault();
// A key named by `keyturn://` reference in three files, as a folder scan records them: two by name, one by id.
{
  const core = openAppCore(demo.home, { name: 'the README pictures', secrets: new KeytarSecretStore() });
  const billing = core.vault.showKey('nora/acme/live/billing-worker');
  const sites = [
    { file: '/srv/billing/.env', line: 3, reference: referenceFor('nora/acme/live/billing-worker'), variable: 'NORA_API_KEY' },
    { file: '/srv/billing/worker.env', line: 7, reference: referenceFor('nora/acme/live/billing-worker'), variable: 'NORA_KEY' },
    { file: '/srv/reconcile/.env', line: 2, reference: referenceById(billing.id), variable: 'NORA_RECONCILE_KEY' },
  ];
  await core.vault.recordReferenceSites([...new Set(sites.map((s) => s.file))], sites);
  await core.close();
}
const { host, close } = await startBrowserMode({ home: demo.home, secrets: new KeytarSecretStore() });
const browser = await chromium.launch({ executablePath: process.env.KEYTURN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
mkdirSync(OUT, { recursive: true });

const secretOf = (ref: string) => {
  const key = demo.keys.find((k) => `${k.ref}/${k.name}` === ref);
  if (!key) throw new Error(`the demo has no key ${ref}`);
  return key.secret;
};
const row = (page: Page, name: string, instance: string) => page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: `${name} in ${instance}` });
const shot = async (page: Page, name: string) => {
  // Toasts come and go: a picture waits until none is on screen.
  await page.getByRole('status').locator('.toast').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  process.stdout.write(`${OUT}/${name}.png\n`);
};

try {
  // The launch link works once: one page keeps the session, and sizes and themes change on it.
  const context = await browser.newContext({ viewport: WIDE, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(host.launchUrl);
  await row(page, 'backend', 'nora/acme/live').waitFor();

  await row(page, 'backend', 'nora/acme/live').click();
  await page.getByRole('complementary', { name: 'Key detail' }).waitFor();
  await shot(page, 'vault');

  await page.emulateMedia({ colorScheme: 'dark' });
  await row(page, 'agents', 'nexora/acme/self-hosted').click();
  await shot(page, 'vault-dark');

  await page.emulateMedia({ colorScheme: 'light' });
  // Narrow, the selected key's detail becomes a drawer over the table.
  await page.setViewportSize(NARROW);
  await page.getByRole('complementary', { name: 'Key detail' }).waitFor();
  await shot(page, 'vault-900x600');
  await page.keyboard.press('Escape');
  await page.setViewportSize(WIDE);

  await page.getByRole('button', { name: 'Add key' }).click();
  const addKey = page.getByRole('dialog', { name: 'Add a key' });
  await addKey.getByRole('combobox', { name: /^Instance/ }).selectOption('nora/acme/live');
  await addKey.getByLabel('Key name').fill('reports');
  await addKey.getByLabel('Key (paste)').fill(secretOf('nora/acme/staging/backend'));
  await addKey.getByTestId('key-check').waitFor();
  await shot(page, 'add-key-wrong-environment');
  await page.keyboard.press('Escape');

  // A guided rotation with a wrong key pasted: Nora rejects it, and the wizard offers the ways back.
  await row(page, 'backend', 'nora/acme/staging').click();
  await page.getByRole('complementary', { name: 'Key detail' }).getByRole('button', { name: 'Rotate' }).click();
  const wizard = page.getByRole('dialog', { name: /^Rotate/ });
  await wizard.getByRole('button', { name: 'Start rotation' }).click();
  await wizard.getByLabel('New key').waitFor();
  await shot(page, 'rotation-guided-paste');
  await wizard.getByLabel('New key').fill(`sk_test_${'Wr0ngKey'.repeat(4)}`);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await wizard.getByRole('button', { name: 'Use a different key' }).waitFor({ timeout: 30_000 });
  await shot(page, 'rotation-wrong-key');
  await wizard.getByRole('button', { name: /^Abandon/ }).click();
  await wizard.getByRole('button', { name: /^Abandon/ }).last().click();
  await wizard.getByRole('button', { name: 'Close' }).first().click();

  // Emergency revoke of a leaked Xora key: Xora revokes only in its dashboard (here its emulator's), then the 401 proves it dead.
  await page.getByRole('button', { name: 'Emergency revoke' }).click();
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  const leaked = secretOf('xora/acme/jobs/ci');
  await panel.getByLabel(/Paste the leaked key/).fill(`2026-12-01T03:12:09Z runner[812] curl https://api.xora.sh/v1/jobs\n  -H "Authorization: Bearer ${leaked}"\n  -> 200 OK`);
  await panel.getByRole('button', { name: 'Find the key' }).click();
  await panel.getByLabel('Instance name').fill('jobs');
  await panel.getByRole('button', { name: 'Revoke now' }).click();
  const [dashboard] = await Promise.all([context.waitForEvent('page'), panel.getByRole('link', { name: /^Open http/ }).click()]);
  await dashboard.getByRole('navigation', { name: 'Sidebar' }).getByRole('link', { name: 'Tokens' }).click();
  await dashboard.getByRole('row').filter({ hasText: leaked.slice(0, 8) }).getByRole('button', { name: 'Delete CI' }).click();
  await dashboard.close();
  await page.bringToFront();
  await panel.getByTestId('revoke-result').filter({ hasText: '401' }).waitFor({ timeout: 30_000 });
  await shot(page, 'emergency-revoked');
  await page.keyboard.press('Escape');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Audit/ }).click();
  await page.getByRole('region', { name: 'Audit' }).getByTestId('audit-rows').waitFor();
  await shot(page, 'audit');

  // Last, as it dismisses the reminder banner: a key used by reference, its reference to copy and where it is used, in one pane.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Vault/ }).click();
  await page.getByRole('region', { name: 'Reminders' }).getByRole('button', { name: /^Dismiss/ }).click();
  await row(page, 'billing-worker', 'nora/acme/live').click();
  await page.getByRole('complementary', { name: 'Key detail' }).getByRole('region', { name: 'Used by reference' }).evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await shot(page, 'key-reference-sites');
} finally {
  await browser.close();
  await close();
  await demo.emulators.close();
}
