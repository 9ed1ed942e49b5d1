import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

test('emergency revoke: paste the leaked string, see which key it is, revoke, proof of 401 — on one screen', async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const leaked = nexora.control.createKey({ name: 'ci' });
  // A swap target is a real file that holds the key (a path that does not exist is refused).
  const env = join(keyturn.home, 'ci.env');
  writeFileSync(env, `NEXORA_API_KEY=${leaked.secret}\n`);
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self-hosted', env: 'production', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/self-hosted', name: 'ci', secret: leaked.secret });
    await core.vault.addTarget('nexora/acme/self-hosted/ci', { kind: 'dotenv', file: env, variable: 'NEXORA_API_KEY' }, keyturn.home);
  });
  await keyturn.launch();
  // From anywhere: the keyboard shortcut.
  await page.keyboard.press('Control+Shift+R');
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  await panel.getByLabel(/Paste the leaked key/).fill(`Authorization: Bearer ${leaked.secret}`);
  await panel.getByRole('button', { name: 'Find the key' }).click();
  await expect(panel.getByTestId('leak-match')).toContainText('nexora/acme/self-hosted/ci');
  await expect(panel.getByTestId('leak-match')).toContainText(`NEXORA_API_KEY in ${env}`);
  await keyturn.shot('emergency-found');
  // Production: the instance name typed back first, as a rotation asks.
  await expect(panel.getByRole('button', { name: 'Revoke now' })).toBeDisabled();
  await panel.getByLabel('Instance name').fill('self-hosted');
  await panel.getByRole('button', { name: 'Revoke now' }).click();
  await expect(panel.getByTestId('revoke-result')).toContainText('rejected (401): it is dead', { timeout: 15_000 });
  await keyturn.shot('emergency-revoked');
  expect(nexora.control.keys().find((k) => k.id === leaked.id)?.status).toBe('revoked');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'ci in nexora/acme/self-hosted' })).toContainText('revoked');
});

test('emergency revoke: a multi-line log with several keys lists them, masked; the chosen production key is revoked after its name is typed back', async ({ page, keyturn }) => {
  const { nexora, nora } = keyturn.emulators;
  const ci = nexora.control.createKey({ name: 'ci' });
  const backend = nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
  const stranger = nora.control.createKey({ name: 'x', env: 'sandbox', org: 'other' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self-hosted', env: 'production', baseUrl: nexora.baseUrl() });
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: nora.baseUrl('production'), verifyPath: '/v2/api-keys' });
    await core.vault.addKey({ instanceRef: 'nexora/acme/self-hosted', name: 'ci', secret: ci.secret });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'backend', secret: backend.secret });
  });
  await keyturn.launch();
  await page.getByRole('button', { name: 'Emergency revoke' }).click();
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  const log = [
    '2026-12-01T03:02:11Z INFO  worker started',
    `2026-12-01T03:02:12Z DEBUG headers={"x-api-key":"${backend.secret}"}`,
    `2026-12-01T03:02:12Z DEBUG test key NORA_TEST_KEY=${stranger.secret}`,
    `curl -sS ${nexora.baseUrl()}/v1/users/me -H "Authorization: Bearer ${ci.secret}"`,
  ].join('\n');
  await panel.getByLabel(/Paste the leaked key/).fill(log);
  await panel.getByRole('button', { name: 'Find the key' }).click();
  const list = panel.getByTestId('leak-candidates');
  await expect(list).toContainText('The pasted text holds 3 keys: choose the one to revoke');
  const options = list.getByRole('radio');
  await expect(options).toHaveCount(3);
  await expect(list.getByRole('radio', { name: /^nora\/acme\/live\/backend \(sk_live_.*…\), PRODUCTION — line 2$/ })).toBeVisible();
  await expect(list.getByRole('radio', { name: /^Not in the vault: looks like a Nora key \(sandbox\) \(sk_test_.*…\) — line 3$/ })).toBeVisible();
  await expect(list.getByRole('radio', { name: /^nexora\/acme\/self-hosted\/ci \(nxr_.*…\), PRODUCTION — line 4$/ })).toBeVisible();
  for (const secret of [ci.secret, backend.secret, stranger.secret]) await expect(list).not.toContainText(secret);
  // Nothing is chosen for the person: no revoke until one is.
  await expect(panel.getByRole('button', { name: 'Revoke now' })).toHaveCount(0);
  await list.getByRole('radio', { name: /Not in the vault/ }).check();
  await expect(panel.getByRole('alert')).toContainText('looks like a Nora key (sandbox)');
  await list.getByRole('radio', { name: /nexora\/acme\/self-hosted\/ci/ }).check();
  await expect(panel.getByTestId('leak-match')).toContainText('nexora/acme/self-hosted/ci');
  const revoke = panel.getByRole('button', { name: 'Revoke now' });
  await expect(revoke).toBeDisabled();
  await panel.getByLabel('Instance name').fill('self-hoste');
  await expect(revoke).toBeDisabled();
  await panel.getByLabel('Instance name').fill('self-hosted');
  await revoke.click();
  await expect(panel.getByTestId('revoke-result')).toContainText('rejected (401): it is dead', { timeout: 15_000 });
  expect(nexora.control.keys().find((k) => k.id === ci.id)?.status).toBe('revoked');
  expect(nora.control.keys().find((k) => k.id === backend.id)?.status).toBe('active');
});

test('emergency revoke: after a paste that matches nothing, Find the key stays and finds the next paste', async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const ci = nexora.control.createKey({ name: 'ci' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/staging', name: 'ci', secret: ci.secret });
  });
  await keyturn.launch();
  await page.keyboard.press('Control+Shift+R');
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  const pasteBox = panel.getByLabel(/Paste the leaked key/);
  await pasteBox.fill('hunter2');
  await panel.getByRole('button', { name: 'Find the key' }).click();
  await expect(panel.getByRole('alert')).toContainText('matches no stored key and no known provider');
  const find = panel.getByRole('button', { name: 'Find the key' });
  await expect(find).toBeVisible();
  await expect(find).toBeEnabled();
  // Pressed again with the right paste, from the keyboard.
  await pasteBox.fill(`NEXORA_KEY=${ci.secret}`);
  await find.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('leak-match')).toContainText('nexora/acme/staging/ci');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  // A sandbox key asks for no name.
  await expect(panel.getByLabel('Instance name')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Revoke now' })).toBeEnabled();
});

test("emergency revoke: Revoke… in a key's detail opens for that key, and revokes it from the keychain's copy", async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const ci = nexora.control.createKey({ name: 'ci' });
  // In an account of its own, Nexora's list shows only this key, so its id is found and it is revoked
  // by API (two pasted-in keys of one account are asked about; this panel leaves that to the dashboard).
  const account = nexora.control.createUser({ email: `deploy-${Date.now()}@acme.test`, password: 'pw' });
  const other = nexora.control.createKey({ name: 'deploy', userId: account.id });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self-hosted', env: 'production', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/self-hosted', name: 'ci', secret: ci.secret });
    await core.vault.addKey({ instanceRef: 'nexora/acme/self-hosted', name: 'deploy', secret: other.secret });
  });
  await keyturn.launch();
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'deploy in nexora/acme/self-hosted' }).click();
  const detail = page.getByRole('complementary', { name: 'Key detail' });
  await detail.getByRole('button', { name: 'Revoke…' }).click();
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  await expect(panel.getByTestId('leak-match')).toContainText('nexora/acme/self-hosted/deploy');
  await expect(panel.getByLabel(/Paste the leaked key/)).toHaveCount(0);
  await panel.getByLabel('Instance name').fill('self-hosted');
  await panel.getByRole('button', { name: 'Revoke now' }).click();
  await expect(panel.getByTestId('revoke-result')).toContainText('rejected (401): it is dead', { timeout: 15_000 });
  expect(nexora.control.keys().find((k) => k.id === other.id)?.status).toBe('revoked');
  expect(nexora.control.keys().find((k) => k.id === ci.id)?.status).toBe('active');
});
