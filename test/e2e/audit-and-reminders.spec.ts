import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleKeys } from '../support/keys.js';
import { expect, test } from './fixtures.js';

// A fixed "today" so expiry dates and reminder thresholds are the same on every run.
const clock = { now: () => new Date('2026-06-01T09:00:00Z') };

test('a reminder in the page opens the rotation; the audit view sorts, filters, exports and checks the log', async ({ page, keyturn }) => {
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'test', env: 'sandbox' });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'payments', secret: sampleKeys.nora('production'), expiresOn: '2026-06-05' });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'reports', secret: sampleKeys.nora('production'), expiresOn: '2026-12-31' });
    await core.vault.addKey({ instanceRef: 'nora/acme/test', name: 'ci', secret: sampleKeys.nora('sandbox') });
  }, clock);
  await keyturn.launch({ clock });

  // Browser mode's notification: the reminder fired at launch waits for the page, then shows.
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders).toContainText('nora/acme/live/payments expires in 4 days');
  await expect(page).toHaveTitle('Keyturn — 1 key needs attention');
  await keyturn.shot('reminder');
  await reminders.getByRole('button', { name: 'Rotate now' }).click();
  await expect(page.getByRole('dialog', { name: /Rotate/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Audit/ }).click();
  const audit = page.getByRole('region', { name: 'Audit' });
  await expect(audit.getByTestId('audit-summary')).toHaveText('3 keys: 0 overdue, 0 expired, 1 due in 7 days, 3 unverified for 30 days');
  const rows = audit.getByTestId('audit-rows').getByRole('row');
  await expect(rows.first()).toContainText('nora/acme/live/payments');
  await expect(rows.first()).toContainText('due soon');
  await audit.getByRole('button', { name: /^Key/ }).click();
  await expect(rows.first()).toContainText('nora/acme/live/payments');
  await audit.getByRole('button', { name: /^Key/ }).click();
  await expect(rows.first()).toContainText('nora/acme/test/ci');
  await audit.getByLabel('Audit environment').selectOption('production');
  await expect(rows).toHaveCount(2);
  await keyturn.shot('audit');

  const downloading = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'CSV' }).click();
  const csv = await downloading;
  expect(csv.suggestedFilename()).toBe('keyturn-audit-2026-06-01.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.split('\n').filter(Boolean)).toHaveLength(3);
  expect(text).toContain('nora/acme/live/reports');

  await audit.getByRole('button', { name: 'Check the audit log' }).click();
  await expect(audit.getByTestId('log-verification')).toContainText('The audit log is intact');
  // Someone edits the log by hand: the view names the line.
  const logPath = join(keyturn.home, 'audit.log');
  const lines = readFileSync(logPath, 'utf8').split('\n');
  lines[1] = (lines[1] ?? '').replace('"outcome":"ok"', '"outcome":"failed"');
  writeFileSync(logPath, lines.join('\n'));
  await audit.getByRole('button', { name: 'Check the audit log' }).click();
  await expect(audit.getByTestId('log-verification')).toContainText('Line 3: does not follow line 2');
  await keyturn.shot('audit-log-tampered');
});

test('the rotation policy is set per instance from the app, and the audit view follows it', async ({ page, keyturn }) => {
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
    await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'reports', secret: sampleKeys.nora('production') });
    // Added four days ago: past the first quarter of a 10-day maximum age, when a key just rotated is not yet due soon.
  }, { now: () => new Date('2026-05-28T09:00:00Z') });
  await keyturn.launch({ clock });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Audit/ }).click();
  const audit = page.getByRole('region', { name: 'Audit' });
  const row = audit.getByTestId('audit-rows').getByRole('row').first();
  await expect(row).toContainText('2026-08-26 (max age)');

  await audit.getByRole('button', { name: 'Policy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotation policy' });
  await expect(dialog.getByLabel('Default for production')).toHaveValue('90');
  await dialog.getByLabel('Instance nora/acme/live').fill('10');
  await keyturn.shot('policy');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('2026-06-07 (max age)');
  await expect(row).toContainText('due soon');

  // The key's own expiry (Nora's, chosen in its dashboard), entered from its detail.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Vault' }).click();
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'reports in nora/acme/live' }).click();
  const detail = page.getByRole('complementary', { name: 'Key detail' });
  await detail.getByRole('button', { name: 'Edit expiry and maximum age' }).click();
  await detail.getByLabel('Provider expiry date').fill('2026-06-03');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByTestId('key-policy')).toContainText('expires 2026-06-03');
});
