import { expect, test } from './fixtures.js';
import { sampleKeys } from '../support/keys.js';

test('adding keys: every kind of mistake is explained in words, and nothing is stored until it is right', async ({ page, keyturn }) => {
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'jobs', env: 'production' });
    await core.vault.addInstance({ provider: 'xerotier', org: 'acme-ml', name: 'inference', env: 'production', projectId: 'proj_ABC123' });
  });
  await keyturn.launch();

  // A new Nora production instance, checked with its key before anything is created.
  await page.getByRole('button', { name: 'Add key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a key' });
  const check = dialog.getByTestId('key-check');
  await dialog.getByRole('combobox', { name: /^Instance/ }).selectOption('__new__');
  await dialog.getByLabel('Provider').selectOption('nora');
  await dialog.getByLabel('Organization').fill('acme');
  await dialog.getByLabel('Instance name').fill('live');
  await dialog.getByLabel('Environment').selectOption('production');
  await dialog.getByLabel('Key name').fill('backend');
  await dialog.getByLabel('Key (paste)').fill(sampleKeys.nora('sandbox'));
  await expect(check).toContainText('This is a sandbox key (sk_test_) but the instance is production');
  await expect(dialog.getByRole('button', { name: 'Store in keychain' })).toBeDisabled();
  await keyturn.shot('add-key-wrong-environment');

  // The live check speaks for each mistake.
  await dialog.getByRole('combobox', { name: /^Instance/ }).selectOption('xora/acme/jobs');
  await dialog.getByLabel('Key (paste)').fill(sampleKeys.xora().slice(0, 40));
  await expect(check).toContainText('A Xora key is 52 characters long');
  // A whole log pasted instead of the key: refused in words, not with the call's schema message.
  await dialog.getByLabel('Key (paste)').fill(`nte_${'x'.repeat(20_000)}`);
  await expect(check).toContainText('this is 20,004 characters long, and no key is longer than 4,096: copy only the key');
  await dialog.getByRole('combobox', { name: /^Instance/ }).selectOption('xerotier/acme-ml/inference');
  await dialog.getByLabel('Key (paste)').fill(sampleKeys.xerotier('other-project'));
  await expect(check).toContainText('belongs to another project');
  await expect(dialog.getByRole('button', { name: 'Store in keychain' })).toBeDisabled();
  // Nothing was created on the way: the refused Nora key left no instance behind.
  await expect(dialog.getByRole('combobox', { name: /^Instance/ }).locator('option')).toHaveText([/^xora\/acme\/jobs/, /^xerotier\/acme-ml\/inference/, 'New instance…']);

  // Not checked with the provider here: the test instance's base URL is the real one.
  await dialog.getByLabel('Store without checking').check();
  const good = sampleKeys.xerotier('acme-ml');
  await dialog.getByLabel('Key (paste)').fill(good);
  await expect(check).toContainText('Looks right: xero_acme-ml_');
  await dialog.getByRole('button', { name: 'Store in keychain' }).click();
  await expect(page.getByRole('status').last()).toContainText('Stored xerotier/acme-ml/inference/backend');

  // The same key again is refused, naming where it is stored.
  await page.getByRole('button', { name: 'Add key' }).click();
  await page.getByLabel('Instance').selectOption('xerotier/acme-ml/inference');
  await page.getByLabel('Key name').fill('again');
  await page.getByLabel('Key (paste)').fill(good);
  await expect(page.getByTestId('key-check')).toContainText('This key is already stored as xerotier/acme-ml/inference/backend.');
  await keyturn.shot('add-key-duplicate');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('key-count')).toHaveText('1 key');
  await keyturn.shot('vault');
});

test('a new instance is stored with its key or not at all: a key the provider rejects leaves nothing, the right one stores both', async ({ page, keyturn }) => {
  const nexora = keyturn.emulators.nexora;
  const user = nexora.control.createUser({ email: 'ci@acme.test', password: 'pw' });
  await keyturn.launch();
  await page.getByRole('button', { name: 'Add key' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a key' });
  await dialog.getByRole('combobox', { name: /^Instance/ }).selectOption('__new__');
  await dialog.getByLabel('Provider').selectOption('nexora');
  await dialog.getByLabel('Organization').fill('acme');
  await dialog.getByLabel('Instance name').fill('self');
  await dialog.getByLabel(/^Base URL/).fill(nexora.baseUrl());
  await dialog.getByLabel('Key name').fill('ci');
  // Well-formed, but Nexora never issued it: the live check cannot know, the provider can.
  await dialog.getByLabel('Key (paste)').fill(sampleKeys.nexora());
  await expect(dialog.getByTestId('key-check')).toContainText('Looks right: nxr_');
  await dialog.getByRole('button', { name: 'Store in keychain' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Nexora rejected this key (401: ');
  await expect(dialog.getByRole('alert')).toContainText('nothing was stored: to store it anyway, tick "Store without checking"');
  expect(await keyturn.seed(async (core) => core.vault.read().instances)).toEqual([]);

  const issued = nexora.control.createKey({ name: 'ci', userId: user.id });
  await dialog.getByLabel('Key (paste)').fill(issued.secret);
  await expect(dialog.getByTestId('key-check')).toContainText('Looks right: nxr_');
  await dialog.getByRole('button', { name: 'Store in keychain' }).click();
  await expect(page.getByRole('status').last()).toContainText('Stored nexora/acme/self/ci');
  await expect(page.getByRole('status').last()).toContainText('verified: the provider accepted it (200)');
  const stored = await keyturn.seed(async (core) => core.vault.read());
  expect(stored.instances.map((i) => `${i.provider}/${i.org}/${i.name}`)).toEqual(['nexora/acme/self']);
  expect(stored.keys.map((k) => [k.name, k.lastVerification?.result])).toEqual([['ci', 'valid']]);
});
