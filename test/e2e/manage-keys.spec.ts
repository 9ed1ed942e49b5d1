import { NORA_KEYS_PATH } from '../emulators/index.js';
import { expect, test, type Keyturn, type Page } from './fixtures.js';

// Keys are removed and renamed in the app, with the CLI's confirmation rule: a production key's
// instance name typed back. Keys are found by their name (unique here), as the table shows them.

const detail = (page: Page) => page.getByRole('complementary', { name: 'Key detail' });

async function openKey(page: Page, name: string, ref: string) {
  await page.getByRole('row').filter({ hasText: name }).first().click();
  await expect(detail(page)).toContainText(ref);
}

async function seedKeys(keyturn: Keyturn) {
  const { nora } = keyturn.emulators;
  const live = nora.control.createKey({ name: 'payments', env: 'production', org: 'acme' });
  const test1 = nora.control.createKey({ name: 'sandbox-worker', env: 'sandbox', org: 'acme' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'payments', secret: live.secret });
    await core.vault.addKey({ instanceRef: 'nora/acme/staging', name: 'sandbox-worker', secret: test1.secret });
  });
}

const refs = async (keyturn: Keyturn) => (await keyturn.seed(async (core) => core.vault.listKeys())).map((k) => k.ref).sort();

test('a sandbox key is removed after one confirmation; the detail lets go of it', async ({ page, keyturn }) => {
  await seedKeys(keyturn);
  await keyturn.launch();
  await openKey(page, 'sandbox-worker', 'nora/acme/staging/sandbox-worker');
  await detail(page).getByRole('button', { name: 'Remove…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove nora/acme/staging/sandbox-worker' });
  await expect(dialog).toContainText('It still works at the provider until it is revoked there');
  await expect(dialog.getByLabel('Instance name')).toHaveCount(0);
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await refs(keyturn)).toEqual(['nora/acme/live/payments', 'nora/acme/staging/sandbox-worker']);

  await detail(page).getByRole('button', { name: 'Remove…' }).click();
  await keyturn.shot('manage-remove-sandbox-key');
  await dialog.getByRole('button', { name: 'Remove key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'sandbox-worker' })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Key detail' })).toHaveCount(0);
  expect(await refs(keyturn)).toEqual(['nora/acme/live/payments']);
});

test('a production key is removed only once its instance name is typed back exactly', async ({ page, keyturn }) => {
  await seedKeys(keyturn);
  await keyturn.launch();
  await openKey(page, 'payments', 'nora/acme/live/payments');
  await detail(page).getByRole('button', { name: 'Remove…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove nora/acme/live/payments' });
  const remove = dialog.getByRole('button', { name: 'Remove key' });
  await expect(remove).toBeDisabled();
  await dialog.getByLabel('Instance name').fill('Live');
  await expect(remove).toBeDisabled();
  await dialog.getByLabel('Instance name').fill('live');
  await keyturn.shot('manage-remove-production-key');
  await remove.click();
  await expect(dialog).toBeHidden();
  expect(await refs(keyturn)).toEqual(['nora/acme/staging/sandbox-worker']);
});

test('a key is renamed: its new reference is shown and selected, and a name already taken is said next to the field', async ({ page, keyturn }) => {
  await seedKeys(keyturn);
  await keyturn.seed(async (core) => {
    const other = keyturn.emulators.nora.control.createKey({ name: 'taken', env: 'sandbox', org: 'acme' });
    await core.vault.addKey({ instanceRef: 'nora/acme/staging', name: 'taken', secret: other.secret });
  });
  await keyturn.launch();
  await openKey(page, 'sandbox-worker', 'nora/acme/staging/sandbox-worker');
  await detail(page).getByRole('button', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename nora/acme/staging/sandbox-worker' });
  const name = dialog.getByLabel('New name');
  await expect(name).toHaveValue('sandbox-worker');
  await expect(dialog.getByRole('button', { name: 'Rename' })).toBeDisabled();

  await name.fill('taken');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const note = dialog.locator(`#${await name.getAttribute('aria-describedby')}`);
  await expect(note).toContainText('taken');
  await keyturn.shot('manage-rename-taken');

  await name.fill('queue-worker');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail(page)).toContainText('nora/acme/staging/queue-worker');
  expect(await refs(keyturn)).toEqual(['nora/acme/live/payments', 'nora/acme/staging/queue-worker', 'nora/acme/staging/taken']);
});
