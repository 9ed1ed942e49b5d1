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
  await panel.getByRole('button', { name: 'Revoke now' }).click();
  await expect(panel.getByTestId('revoke-result')).toContainText('rejected (401): it is dead', { timeout: 15_000 });
  await keyturn.shot('emergency-revoked');
  expect(nexora.control.keys().find((k) => k.id === leaked.id)?.status).toBe('revoked');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row').filter({ hasText: 'nexora/acme/self-hosted/ci' })).toContainText('revoked');
});
