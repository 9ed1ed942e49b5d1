import { expect, test } from './fixtures.js';

test.use({ viewport: { width: 900, height: 600 }, colorScheme: 'dark' });

// A Nexora key pasted in, in an account with another key, against a Nexora that lists only the
// documented fields: the wizard asks which listed key is the old one, by keyboard alone.
test('the wizard lets the person pick the old Nexora key from the list (name, created, last used), with the keyboard', async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const old = nexora.control.createKey({ name: 'CI pipeline' });
  const other = nexora.control.createKey({ name: 'laptop' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'dev', env: 'sandbox', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/dev', name: 'agents', secret: old.secret });
  });
  await keyturn.launch();
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'agents in nexora/acme/dev' }).click();
  await page.getByRole('button', { name: 'Rotate' }).click();
  const wizard = page.getByRole('dialog', { name: 'Rotate nexora/acme/dev/agents' });
  await wizard.getByRole('button', { name: 'Start rotation' }).click();

  await expect(wizard.getByRole('heading', { name: 'Which of these is the old key?' })).toBeVisible({ timeout: 15_000 });
  const group = wizard.getByRole('radiogroup', { name: 'Keys at Nexora' });
  await expect(group.getByRole('radio')).toHaveCount(2);
  await expect(group).toContainText('CI pipeline');
  await expect(group).toContainText('last used never');
  await expect(wizard.getByRole('button', { name: 'Revoke this key' })).toBeDisabled();
  await keyturn.shot('rotation-choose-remote-key');

  // Keyboard only: into the group, arrows to the old key, then Tab to the button and Enter.
  await group.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  const oldRadio = group.getByRole('radio', { name: /CI pipeline/ });
  for (let i = 0; i < 2 && !(await oldRadio.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
  await expect(oldRadio).toBeChecked();
  await keyturn.shot('rotation-choose-remote-key-picked');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(wizard.getByRole('button', { name: 'Revoke this key' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(wizard.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  await expect(wizard.getByText('Revoke the old key in the dashboard')).toHaveCount(0);
  expect(nexora.control.keys().find((k) => k.id === old.id)?.status).toBe('revoked');
  expect(nexora.control.keys().find((k) => k.id === other.id)?.status).toBe('active');
});
