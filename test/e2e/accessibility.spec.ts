import { NORA_KEYS_PATH } from '../emulators/index.js';
import { sampleKeys } from '../support/keys.js';
import { expect, test, type Page } from './fixtures.js';
import { blockingViolations } from './support/axe.js';
import { focusRingProblems } from './support/focus-ring.js';

// axe-core is injected as a script; the app's Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });

const themes = ['light', 'dark'] as const;
const sizes = [
  { width: 900, height: 600 },
  { width: 1440, height: 900 },
] as const;

/** A date a few days from now, so the vault shows a reminder and a "due soon" key. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The views switch may be buttons or tabs; either way it is found by its name. */
function view(page: Page, name: RegExp) {
  const views = page.getByRole('navigation', { name: 'Views' });
  return views.getByRole('button', { name }).or(views.getByRole('tab', { name })).or(page.getByRole('tab', { name }));
}

for (const colorScheme of themes) {
  for (const size of sizes) {
    test(`every main screen, ${colorScheme} theme, ${size.width}×${size.height}: no serious or critical axe violation, and a focus ring one can see on every control`, async ({ page, keyturn }) => {
      const { nora } = keyturn.emulators;
      const payments = sampleKeys.nora('production');
      const svc = nora.control.createKey({ name: 'svc', env: 'sandbox', org: 'acme' });
      await keyturn.seed(async (core) => {
        await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
        await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
        await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'payments', secret: payments, expiresOn: daysFromNow(4) });
        await core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'reports', secret: sampleKeys.nora('production') });
        await core.vault.addKey({ instanceRef: 'nora/acme/staging', name: 'svc', secret: svc.secret });
      });
      // Added long ago, past the production maximum age: the overdue badge is on screen too.
      await keyturn.seed((core) => core.vault.addKey({ instanceRef: 'nora/acme/live', name: 'legacy', secret: sampleKeys.nora('production') }), { now: () => new Date(Date.now() - 200 * 86_400_000) });
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await keyturn.launch();

      const where = `${colorScheme} ${size.width}×${size.height}`;
      const check = async (screen: string) => {
        await keyturn.shot(`a11y-${colorScheme}-${size.width}x${size.height}-${screen.replace(/\W+/g, '-')}`);
        expect.soft(await blockingViolations(page), `axe on ${screen} (${where})`).toEqual([]);
        expect.soft(await focusRingProblems(page), `focus rings on ${screen} (${where})`).toEqual([]);
      };
      const closeDialog = async (dialog: ReturnType<Page['getByRole']>) => {
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      };

      await expect(page.getByRole('region', { name: 'Reminders' })).toContainText('payments');
      await check('vault');

      await page.getByRole('row').filter({ hasText: 'payments' }).first().click();
      const detail = page.getByRole('complementary', { name: 'Key detail' });
      await expect(detail).toContainText('nora/acme/live/payments');
      await check('key detail');
      // Below 1,100 px the detail is a drawer over the table, which holds the page until it is closed.
      if (size.width < 1100) {
        await page.keyboard.press('Escape');
        await expect(detail).toBeHidden();
      }

      await page.getByRole('button', { name: 'Add key' }).click();
      const addKey = page.getByRole('dialog', { name: 'Add a key' });
      await expect(addKey.getByLabel('Key name')).toBeVisible();
      await check('add key');
      await closeDialog(addKey);

      await page.getByRole('button', { name: 'Emergency revoke' }).click();
      const emergency = page.getByRole('dialog', { name: 'Emergency revoke' });
      await emergency.getByLabel(/Paste the leaked key/).fill(`Authorization: Bearer ${payments}`);
      await emergency.getByRole('button', { name: 'Find the key' }).click();
      await expect(emergency.getByRole('button', { name: 'Revoke now' })).toBeVisible();
      await check('emergency revoke');
      await closeDialog(emergency);

      await view(page, /^Audit/).click();
      const audit = page.getByRole('region', { name: 'Audit' });
      await expect(audit).toContainText('nora/acme/live/payments');
      await check('audit');

      await audit.getByRole('button', { name: 'Policy…' }).click();
      const policy = page.getByRole('dialog', { name: 'Rotation policy' });
      await expect(policy.getByLabel('Default for production')).toBeVisible();
      await check('policy');
      await closeDialog(policy);

      await view(page, /^Vault/).click();
      await page.getByRole('row').filter({ hasText: 'svc' }).first().click();
      await expect(detail).toContainText('nora/acme/staging/svc');
      await detail.getByRole('button', { name: 'Rotate' }).click();
      const wizard = page.getByRole('dialog', { name: /^Rotate/ });
      await expect(wizard.getByRole('button', { name: 'Start rotation' })).toBeVisible();
      await check('rotation wizard, start');
      await wizard.getByRole('button', { name: 'Start rotation' }).click();
      await expect(wizard.getByLabel('New key')).toBeVisible();
      await check('rotation wizard, paste the new key');
      await closeDialog(wizard);
    });
  }
}
