// The demo's promise: a guided rotation and an emergency revoke finish end to end against the
// emulated provider dashboards, the way a person does them — follow the wizard's link to the
// dashboard, create or delete the key there, come back to Keyturn.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORA_KEYS_PATH } from '../emulators/index.js';
import { expect, test, type Page } from './fixtures.js';

async function openKey(page: Page, ref: string) {
  // A key's row is named for the key and its instance ("backend in nora/acme/live").
  const instance = ref.slice(0, ref.lastIndexOf('/'));
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: `${name} in ${instance}` }).click();
  await expect(page.getByRole('complementary', { name: 'Key detail' })).toContainText(ref);
}

/** The instance's stored dashboard URL as the vault keeps it (no trailing slash). */
const stored = (url: string) => url.replace(/\/+$/, '');

/** A date the dashboard accepts (tomorrow at the earliest), as YYYY-MM-DD. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The link the guided step shows, followed as a person does: it opens the dashboard in a new tab. */
async function followDashboardLink(page: Page, scope: ReturnType<Page['getByRole']>, dashboardUrl: string): Promise<Page> {
  const link = scope.getByRole('link', { name: /^Open http/ });
  await expect(link).toHaveAttribute('href', stored(dashboardUrl));
  const [dashboard] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await dashboard.waitForLoadState();
  expect(stored(dashboard.url())).toBe(stored(new URL(dashboardUrl).toString()));
  return dashboard;
}

test('a guided Nora production rotation through the emulated dashboard: create with a name and an expiry, paste, swap, verify, revoke there, proven', async ({ page, keyturn }) => {
  const { nora } = keyturn.emulators;
  const old = nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
  const env = join(keyturn.home, '.env');
  writeFileSync(env, `NORA_KEY=${old.secret}\n`);
  const dashboardUrl = nora.dashboardUrl('production');
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH, dashboardUrl });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'backend', secret: old.secret });
    await core.vault.addTarget('nora/acme/live/backend', { kind: 'dotenv', file: env, variable: 'NORA_KEY' }, keyturn.home);
  });
  await keyturn.launch();
  await openKey(page, 'nora/acme/live/backend');
  await page.getByRole('button', { name: 'Rotate', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'Rotate nora/acme/live/backend' });
  await wizard.getByLabel('Instance name').fill('live');
  await wizard.getByRole('button', { name: 'Start rotation' }).click();
  await expect(wizard.getByText('Create the new key in the dashboard, then paste it here')).toBeVisible();

  // In the dashboard, as the wizard's steps say: the instance picker, Sidebar → API Keys, Create API key.
  const dashboard = await followDashboardLink(page, wizard, dashboardUrl);
  await dashboard.getByRole('navigation', { name: 'Sidebar' }).getByRole('link', { name: 'API Keys' }).click();
  // Create is disabled until an instance is selected.
  await expect(dashboard.getByRole('button', { name: 'Create API key' })).toBeDisabled();
  await dashboard.getByLabel('Instance', { exact: true }).selectOption('production');
  await dashboard.getByRole('button', { name: 'Switch' }).click();
  await expect(dashboard.getByRole('heading', { name: 'API Keys — Production' })).toBeVisible();
  await dashboard.getByRole('link', { name: 'Create API key' }).click();
  const expiresOn = inDays(90);
  await dashboard.getByLabel('Key name').fill('backend-next');
  await dashboard.getByLabel(/Expiration date/).fill(expiresOn);
  await dashboard.getByRole('button', { name: 'Create key' }).click();
  const secret = await dashboard.getByLabel('Secret').inputValue();
  expect(secret).toMatch(/^sk_live_/);
  await keyturn.shot('demo-nora-dashboard-created');
  // Shown once: the same page again holds no secret.
  await dashboard.reload();
  await expect(dashboard.getByLabel('Secret')).toHaveCount(0);
  await expect(dashboard.getByRole('main')).toContainText('Nora will not show this secret again');

  // Back in Keyturn: the secret and the expiry date chosen in the dashboard.
  await page.bringToFront();
  await wizard.getByLabel('New key').fill(secret);
  await wizard.getByLabel(/expir/i).fill(expiresOn);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await expect(wizard.getByTestId('step-create')).toHaveAttribute('data-status', 'done');
  await expect(wizard.getByText('Revoke the old key in the dashboard')).toBeVisible({ timeout: 15_000 });
  for (const step of ['swap', 'verify']) await expect(wizard.getByTestId(`step-${step}`)).toHaveAttribute('data-status', 'done');
  expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${secret}\n`);

  // The old key, revoked in the dashboard: the trash icon on its row, then the confirmation.
  await expect(wizard.getByRole('link', { name: /^Open http/ })).toHaveAttribute('href', stored(dashboardUrl));
  await dashboard.bringToFront();
  await dashboard.getByLabel('Instance', { exact: true }).selectOption('production');
  await dashboard.getByRole('button', { name: 'Switch' }).click();
  await dashboard.getByRole('navigation', { name: 'Sidebar' }).getByRole('link', { name: 'API Keys' }).click();
  await dashboard.getByRole('link', { name: 'Revoke backend', exact: true }).click();
  await expect(dashboard.getByRole('alertdialog', { name: 'Revoke API key?' })).toContainText('backend');
  await dashboard.getByRole('button', { name: 'Revoke key' }).click();
  await expect(dashboard.getByRole('status')).toContainText('The key was revoked');

  // The wizard sees the 401 by itself and finishes.
  await page.bringToFront();
  await expect(wizard.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  await expect(wizard.getByTestId('step-revoke')).toHaveAttribute('data-status', 'done');
  await keyturn.shot('demo-nora-rotation-complete');
  expect(nora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
  const current = await keyturn.seed(async (core) => core.vault.listKeys().filter((k) => k.ref === 'nora/acme/live/backend' && k.status === 'active'));
  expect(current.map((k) => k.expiresOn)).toEqual([expiresOn]);
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toHaveCount(0);
});

test('an emergency revoke of a leaked Xora key through the emulated dashboard: find it, delete it in Dashboard → Tokens, proven dead', async ({ page, keyturn }) => {
  const { xora } = keyturn.emulators;
  const leaked = xora.control.createKey({ name: 'CI' });
  xora.control.createKey({ name: 'Production API' });
  const dashboardUrl = xora.dashboardUrl();
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'jobs', env: 'production', baseUrl: xora.baseUrl(), dashboardUrl });
    await core.vault.addKey({ instanceRef: 'xora/acme/jobs', name: 'ci', secret: leaked.secret });
  });
  await keyturn.launch();
  await page.getByRole('button', { name: 'Emergency revoke' }).click();
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  await panel.getByLabel(/Paste the leaked key/).fill(`curl -H "Authorization: Bearer ${leaked.secret}" https://api.xora.sh/v1/jobs`);
  await panel.getByRole('button', { name: 'Find the key' }).click();
  await expect(panel.getByTestId('leak-match')).toContainText('xora/acme/jobs/ci');
  await panel.getByLabel('Instance name').fill('jobs');
  await panel.getByRole('button', { name: 'Revoke now' }).click();

  // Xora revokes only in its dashboard: the panel links there and waits for the 401.
  await expect(panel).toContainText('Revoke it in the dashboard');
  await expect(panel).toContainText('Go to Dashboard → Tokens');
  const dashboard = await followDashboardLink(page, panel, dashboardUrl);
  await dashboard.getByRole('navigation', { name: 'Sidebar' }).getByRole('link', { name: 'Tokens' }).click();
  const row = dashboard.getByRole('row').filter({ hasText: leaked.secret.slice(0, 8) });
  await expect(row).toContainText('CI');
  await expect(dashboard.getByRole('main')).not.toContainText(leaked.secret);
  await row.getByRole('button', { name: 'Delete CI' }).click();
  await expect(dashboard.getByRole('status')).toContainText('The token was deleted');
  await keyturn.shot('demo-xora-dashboard-deleted');

  await page.bringToFront();
  await expect(panel.getByTestId('revoke-result')).toContainText('rejected (401): it is dead', { timeout: 15_000 });
  await keyturn.shot('demo-xora-emergency-proven');
  expect(xora.control.keys().map((k) => [k.name, k.status])).toEqual([
    ['CI', 'revoked'],
    ['Production API', 'active'],
  ]);
});
