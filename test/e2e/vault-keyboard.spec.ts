import { NORA_KEYS_PATH } from '../emulators/index.js';
import { sampleKeys } from '../support/keys.js';
import { expect, test, type Page } from './fixtures.js';

const keysGrid = (page: Page) => page.getByRole('grid', { name: 'Keys' });
const vaultTree = (page: Page) => page.getByRole('treegrid', { name: 'Vault' });

/** A vault of two providers, both environments, so the tree has depth and the table has rows to move through. */
async function seedVault(keyturn: Parameters<Parameters<typeof test>[2]>[0]['keyturn']) {
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'test', env: 'sandbox' });
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'jobs', env: 'production' });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'payments', secret: sampleKeys.nora('production') });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'reports', secret: sampleKeys.nora('production') });
    await core.vault.addKey({ instanceRef: 'nora/acme/test', name: 'ci', secret: sampleKeys.nora('sandbox') });
    await core.vault.addKey({ instanceRef: 'xora/acme/jobs', name: 'worker', secret: sampleKeys.xora() });
  });
}

test('the vault tree is one Tab stop: arrows move and select, Left/Right close and open a node, and the table follows', async ({ page, keyturn }) => {
  await seedVault(keyturn);
  await keyturn.launch();
  const tree = vaultTree(page);
  await expect(tree.getByRole('row')).toHaveCount(8);
  await page.getByRole('button', { name: 'Emergency revoke' }).focus();
  // From the last control of the title bar, Tab lands on the tree's selected node, All keys.
  for (let i = 0; i < 6 && !(await tree.getByRole('row', { name: /^All keys/ }).evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(tree.getByRole('row', { name: /^All keys/ })).toBeFocused();
  await expect(page.getByTestId('key-count')).toHaveText('4 keys');
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('row', { name: /^Nora/ })).toBeFocused();
  await expect(tree.getByRole('row', { name: /^Nora/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('key-count')).toHaveText('3 keys');
  // Left closes Nora: its organization and instances leave the tree; Right opens it again.
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('row', { name: /^Nora/ })).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('row')).toHaveCount(5);
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('row')).toHaveCount(8);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // The instance says its environment in words, and its count.
  const live = tree.getByRole('row', { name: /^live/ });
  await expect(live).toBeFocused();
  await expect(live).toContainText('PRODUCTION');
  await page.keyboard.press('Enter');
  await expect(live).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('key-count')).toHaveText('2 keys');
  // One Tab stop: Tab leaves the tree for the search box.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search keys')).toBeFocused();
  // An instance's menu from the keyboard: Shift+F10 on it.
  await page.keyboard.press('Shift+Tab');
  await expect(live).toBeFocused();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for nora/acme/live' });
  await expect(menu.getByRole('menuitem', { name: 'Remove instance…' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Add a key…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
});

test('the key table: arrows move, Enter opens the detail, and the keyboard opens the row menu with its shortcuts shown', async ({ page, keyturn }) => {
  await seedVault(keyturn);
  await keyturn.launch();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const grid = keysGrid(page);
  // The Name column shows the name; the instance, under it, when the node spans several instances.
  await grid.getByRole('row', { name: /^ci in nora\/acme\/test/ }).click();
  const detail = page.getByRole('complementary', { name: 'Key detail' });
  await expect(detail).toContainText('nora/acme/test/ci');
  // Arrow keys move the focus; Enter opens the focused key.
  await page.keyboard.press('ArrowDown');
  // The focus is on the row or one of its cells: the row is the one with the focus inside.
  const name = await page.evaluate(() => document.activeElement?.closest('[data-ref]')?.getAttribute('data-ref') ?? null);
  expect(name).toBe('xora/acme/jobs/worker');
  await page.keyboard.press('Enter');
  await expect(detail).toContainText(name ?? 'no row');
  // Shift+F10: the menu, focused on its first item, each shortcut shown.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: /^Actions for / });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /^Open/ })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: /^Verify/ })).toContainText('Ctrl+Shift+V');
  await expect(menu.getByRole('menuitem', { name: /^Copy reference/ })).toContainText('Ctrl+C');
  await expect(menu.getByRole('menuitem', { name: /^Rename/ })).toContainText('F2');
  await expect(menu.getByRole('menuitem', { name: /^Remove/ })).toContainText('Delete');
  await keyturn.shot('key-row-menu');
  // Escape closes it and gives the focus back to the row.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-ref]')?.getAttribute('data-ref'))).toBe(name);
  // Copy reference from the menu, by the keyboard.
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^Copy reference/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(name);
  // A row's shortcut without the menu: Ctrl+C on the focused row copies its reference.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await grid.getByRole('row', { name: /^payments/ }).click();
  await page.keyboard.press('Control+c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('nora/acme/live/payments');
  // The "⋯" button is there for the mouse.
  await grid.getByRole('button', { name: 'Actions for worker' }).click();
  await expect(menu).toBeVisible();
  // The button's press is the menu's, not the row's: the open key stays the one opened before.
  await expect(detail).toContainText('nora/acme/live/payments');
  await page.keyboard.press('Escape');
});

test('empty results say so in words, with a way to clear the filter; an empty instance offers to add a key', async ({ page, keyturn }) => {
  await seedVault(keyturn);
  await keyturn.seed(async (core) => core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'spare', env: 'sandbox' }));
  await keyturn.launch();
  await page.getByLabel('Search keys').fill('foo');
  await expect(page.getByTestId('no-keys')).toContainText('No key matches ‘foo’.');
  await expect(keysGrid(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(page.getByLabel('Search keys')).toHaveValue('');
  await expect(page.getByTestId('key-count')).toHaveText('4 keys');
  await vaultTree(page).getByRole('row', { name: /^spare/ }).click();
  await expect(page.getByTestId('no-keys')).toContainText('xora/acme/spare has no keys yet.');
  await page.getByTestId('no-keys').getByRole('button', { name: 'Add a key' }).click();
  await expect(page.getByRole('dialog', { name: /Add/ })).toBeVisible();
});

test('a key its provider rejected shows as rejected in its row and in the tree, not as active', async ({ page, keyturn }) => {
  const { nora } = keyturn.emulators;
  const issued = nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'backend', secret: issued.secret });
  });
  // Revoked in the provider's dashboard, behind Keyturn's back: the next check gets a 401.
  nora.control.revokeKey(issued.id);
  await keyturn.launch();
  const row = keysGrid(page).getByRole('row', { name: /^backend/ });
  await expect(row).toContainText('active');
  await row.click();
  await page.keyboard.press('Control+Shift+V');
  await expect(row).toContainText('rejected');
  await expect(row).not.toContainText('active');
  await expect(vaultTree(page).getByRole('row', { name: /^live/ })).toContainText('1 rejected');
  await expect(vaultTree(page).getByRole('row', { name: /^All keys/ })).toContainText('1 rejected');
  await keyturn.shot('key-rejected');
});

for (const size of [
  { width: 900, height: 600 },
  { width: 1440, height: 900 },
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`at ${size.width}×${size.height} in ${scheme}, the table's badges and dates are whole and the row menu reachable`, async ({ page, keyturn }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await seedVault(keyturn);
      await keyturn.launch();
      const grid = keysGrid(page);
      await expect(grid.getByRole('row', { name: /^payments/ })).toBeVisible();
      // Nothing in a badge or a date is cut: each fits its cell.
      const cut = await page.locator('.key-table-area').evaluate((el) =>
        Array.from(el.querySelectorAll('.env, .key-due, .status-word, .key-verified, .key-column'))
          .filter((n) => n.scrollWidth > n.clientWidth + 1 || n.getBoundingClientRect().right > (n.closest('.key-cell, .key-column') ?? n).getBoundingClientRect().right + 1)
          .map((n) => n.textContent),
      );
      expect(cut).toEqual([]);
      await keyturn.shot(`vault-${size.width}x${size.height}-${scheme}`);
      // A right click on the row opens its menu where the pointer is.
      await grid.getByRole('row', { name: /^payments/ }).locator('.key-cell-name').click({ button: 'right' });
      await expect(page.getByRole('menu', { name: 'Actions for payments' })).toBeVisible();
      await keyturn.shot(`vault-menu-${size.width}x${size.height}-${scheme}`);
    });
  }
}
