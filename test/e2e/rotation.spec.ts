import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORA_KEYS_PATH } from '../emulators/index.js';
import { holdRotationLock } from '../support/lock-holder.js';
import { expect, test, type Page } from './fixtures.js';

async function openKey(page: Page, ref: string) {
  await page.getByRole('grid', { name: 'Keys' }).locator(`[role="row"][data-ref="${ref}"]`).click();
  await expect(page.getByRole('complementary', { name: 'Key detail' })).toContainText(ref);
}

test('a guided Nora production rotation, end to end: paste, saved, swapped, checked, revoked, proven', async ({ page, keyturn }) => {
  const { nora } = keyturn.emulators;
  const old = nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
  const env = join(keyturn.home, '.env');
  writeFileSync(env, `# service\nNORA_KEY=${old.secret}\n`);
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'backend', secret: old.secret });
    await core.vault.addTarget('nora/acme/live/backend', { kind: 'dotenv', file: env, variable: 'NORA_KEY' }, keyturn.home);
  });
  await keyturn.launch();
  await openKey(page, 'nora/acme/live/backend');
  await page.getByRole('button', { name: 'Rotate' }).click();
  const wizard = page.getByRole('dialog', { name: 'Rotate nora/acme/live/backend' });
  // Production: the instance name must be typed back.
  await expect(wizard.getByRole('button', { name: 'Start rotation' })).toBeDisabled();
  await wizard.getByLabel('Instance name').fill('live');
  await wizard.getByRole('button', { name: 'Start rotation' }).click();

  await expect(wizard.getByText('Create the new key in the dashboard, then paste it here')).toBeVisible();
  await expect(wizard).toContainText('Sidebar → API Keys → Create API key');
  await keyturn.shot('rotation-guided-paste');
  // Wrong pastes first, as at 3 a.m.: a sandbox key, then a whole log line of 20 KB. Each is refused
  // in words next to the field, nothing is stored, and the wizard still waits for the right key.
  const sandboxKey = nora.control.createKey({ name: 'backend-test', env: 'sandbox', org: 'acme' });
  await wizard.getByLabel('New key').fill(sandboxKey.secret);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await expect(wizard.getByRole('alert')).toContainText('This is a sandbox key (sk_test_) but the instance is production: a Nora production instance takes only sk_live_ keys. Choose a sandbox instance, or paste a production key.');
  await wizard.getByLabel('New key').fill(`sk_live_${'a'.repeat(20_000)}`);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await expect(wizard.getByRole('alert')).toContainText('That key cannot be used: this is 20,008 characters long, and no key is longer than 4,096: copy only the key.');
  await expect(wizard.getByTestId('step-create')).toHaveAttribute('data-status', 'running');
  const fresh = nora.control.createKey({ name: 'backend-2026-11', env: 'production', org: 'acme' });
  await wizard.getByLabel('New key').fill(fresh.secret);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await expect(wizard.getByTestId('step-create')).toHaveAttribute('data-status', 'done');
  await expect(wizard.getByTestId('step-create')).toContainText('is saved in the keychain');

  // The revoke is guided: the person revokes in the dashboard while the wizard waits for the 401.
  await expect(wizard.getByText('Revoke the old key in the dashboard')).toBeVisible();
  await keyturn.shot('rotation-guided-revoke');
  nora.control.revokeKey(old.id);
  await expect(wizard.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  for (const step of ['create', 'swap', 'verify', 'revoke']) await expect(wizard.getByTestId(`step-${step}`)).toHaveAttribute('data-status', 'done');
  await keyturn.shot('rotation-complete');
  expect(readFileSync(env, 'utf8')).toBe(`# service\nNORA_KEY=${fresh.secret}\n`);
});

test('a Nexora rotation by API runs on its own to the proof of 401', async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const old = nexora.control.createKey({ name: 'agents' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'dev', env: 'sandbox', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/dev', name: 'agents', secret: old.secret });
  });
  await keyturn.launch();
  await openKey(page, 'nexora/acme/dev/agents');
  await page.getByRole('button', { name: 'Rotate' }).click();
  const wizard = page.getByRole('dialog', { name: 'Rotate nexora/acme/dev/agents' });
  await expect(wizard).toContainText('Rotate in place — the old key dies at once');
  await wizard.getByRole('button', { name: 'Start rotation' }).click();
  await expect(wizard.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  await keyturn.shot('rotation-api-complete');
  expect(nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
});

test("a provider that fails the create stops the rotation there, in the app's words; Resume finishes it", async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const old = nexora.control.createKey({ name: 'mailer' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'dev', env: 'sandbox', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/dev', name: 'mailer', secret: old.secret });
  });
  nexora.control.setFault({ status: 503, method: 'POST', times: 1 });
  await keyturn.launch();
  await openKey(page, 'nexora/acme/dev/mailer');
  await page.getByRole('button', { name: 'Rotate' }).click();
  const wizard = page.getByRole('dialog', { name: 'Rotate nexora/acme/dev/mailer' });
  await wizard.getByRole('button', { name: 'Start rotation' }).click();
  await expect(wizard.getByTestId('step-create')).toHaveAttribute('data-status', 'failed');
  const stopped = wizard.getByRole('alert').filter({ hasText: 'Stopped at' });
  await expect(stopped).toContainText('Stopped at “Create new key”: Nexora could not create the key (it answered 503)');
  await expect(stopped).toContainText('It may still have done it: look in its dashboard before trying again.');
  await expect(wizard).not.toContainText('provider.call-failed');
  await expect(wizard).not.toContainText('--resume');
  await stopped.getByRole('button', { name: 'Resume' }).click();
  await expect(wizard.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  expect(nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
});

test('an interrupted rotation is offered for resume after the host restarts, and finishes', async ({ page, keyturn }) => {
  const { nora } = keyturn.emulators;
  const old = nora.control.createKey({ name: 'svc', env: 'sandbox', org: 'acme' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addKey({ instanceRef: 'nora/acme/staging', name: 'svc', secret: old.secret });
  });
  await keyturn.launch();
  await openKey(page, 'nora/acme/staging/svc');
  await page.getByRole('button', { name: 'Rotate' }).click();
  await page.getByRole('button', { name: 'Start rotation' }).click();
  await expect(page.getByText('Create the new key in the dashboard, then paste it here')).toBeVisible();

  // The app quits mid-rotation; the next launch offers to resume.
  await keyturn.stopHost();
  await keyturn.launch();
  await expect(page.getByRole('region', { name: 'Interrupted rotations' })).toContainText('A rotation of nora/acme/staging/svc was interrupted');
  await keyturn.shot('rotation-resume-offered');
  await page.getByRole('button', { name: 'Resume it' }).click();
  const fresh = nora.control.createKey({ name: 'svc-next', env: 'sandbox', org: 'acme' });
  await page.getByLabel('New key').fill(fresh.secret);
  await page.getByRole('button', { name: 'Save new key' }).click();
  await expect(page.getByText('Revoke the old key in the dashboard')).toBeVisible();
  nora.control.revokeKey(old.id);
  await expect(page.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
});

test('a rotation the CLI is running is shown as running there, the wizard says to wait, and once the CLI stops the app offers the resume', async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const old = nexora.control.createKey({ name: 'worker' });
  nexora.control.setFault({ status: 503, method: 'POST', times: 1 });
  const rotationId = await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'dev', env: 'sandbox', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/dev', name: 'worker', secret: old.secret });
    const quiet = { confirmProduction: async () => true, pasteNewKey: async () => null, showRevokeGuide: () => undefined, confirmDespiteWarnings: async () => false, progress: () => undefined };
    return (await core.rotations.start('nexora/acme/dev/worker', quiet, { yes: true })).id;
  });
  // The CLI picked the rotation up (a process of its own holds the rotation's lock).
  const cli = await holdRotationLock(keyturn.home, rotationId, 'the keyturn CLI');
  try {
    await keyturn.launch();
    await expect(page.getByRole('region', { name: 'Interrupted rotations' })).toContainText(`A rotation of nexora/acme/dev/worker is running in process ${cli.pid} (the keyturn CLI on`);
    await expect(page.getByRole('region', { name: 'Interrupted rotations' }).getByRole('button', { name: 'Resume it' })).toHaveCount(0);
    await openKey(page, 'nexora/acme/dev/worker');
    await page.getByRole('button', { name: 'Rotate' }).click();
    const wizard = page.getByRole('dialog', { name: 'Rotate nexora/acme/dev/worker' });
    await wizard.getByRole('button', { name: 'Start rotation' }).click();
    await expect(wizard.getByRole('alert')).toContainText(`A rotation of nexora/acme/dev/worker is already running in process ${cli.pid} (the keyturn CLI on`);
    await expect(wizard.getByRole('alert')).not.toContainText('--resume');
    await page.keyboard.press('Escape');
    await expect(wizard).toBeHidden();
    // The CLI's process ends without finishing: the banner follows, and offers the resume.
    await cli.kill();
    const banner = page.getByRole('region', { name: 'Interrupted rotations' });
    await expect(banner).toContainText('A rotation of nexora/acme/dev/worker was interrupted.', { timeout: 10_000 });
    await banner.getByRole('button', { name: 'Resume it' }).click();
    await expect(page.getByRole('dialog', { name: 'Rotate nexora/acme/dev/worker' }).getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  } finally {
    await cli.kill();
  }
  expect(nexora.control.keys().filter((k) => k.status === 'active' && k.name.startsWith('worker'))).toHaveLength(1);
});
