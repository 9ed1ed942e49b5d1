import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceById, referenceFor } from '../../electron/contract/refs.js';
import { NORA_KEYS_PATH } from '../emulators/index.js';
import { expect, test, type Page } from './fixtures.js';
import { blockingViolations } from './support/axe.js';
import { focusRingProblems } from './support/focus-ring.js';
import type { Keyturn } from './fixtures.js';

// axe-core is injected as a script; the app's Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });

const REF = 'nora/acme/staging/svc';

/**
 * A Nora sandbox key named by reference in two files, as a scan records them: by name in the api's
 * .env (follows rotations), by id in the worker's (names this key only). Returns the key's secret
 * and the two files.
 */
async function seedKeyWithSites(keyturn: Keyturn) {
  const { nora } = keyturn.emulators;
  const old = nora.control.createKey({ name: 'svc', env: 'sandbox', org: 'acme' });
  const api = join(keyturn.home, 'api', '.env');
  const worker = join(keyturn.home, 'worker', '.env');
  mkdirSync(join(keyturn.home, 'api'));
  mkdirSync(join(keyturn.home, 'worker'));
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
    const { key } = await core.vault.addKey({ instanceRef: 'nora/acme/staging', name: 'svc', secret: old.secret });
    writeFileSync(api, `PORT=8080\nNORA_KEY=${referenceFor(REF)}\n`);
    writeFileSync(worker, `# worker\nQUEUE=jobs\n\nNORA_KEY_PINNED=${referenceById(key.id)}\n`);
    await core.vault.recordReferenceSites(
      [api, worker],
      [
        { file: api, line: 2, reference: referenceFor(REF), variable: 'NORA_KEY' },
        { file: worker, line: 4, reference: referenceById(key.id), variable: 'NORA_KEY_PINNED' },
      ],
    );
  });
  return { secret: old.secret, api, worker };
}

async function openKey(page: Page, ref: string) {
  await page.getByRole('grid', { name: 'Keys' }).locator(`[role="row"][data-ref="${ref}"]`).click();
  const detail = page.getByRole('complementary', { name: 'Key detail' });
  await expect(detail).toContainText(ref);
  return detail;
}

/** Presses Tab until the control has the focus (a person's way there), failing after `max` presses. */
async function tabTo(page: Page, control: ReturnType<Page['getByRole']>, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await control.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach the control in ${max} presses`);
}

test("a key's detail lists where it is used by reference and copies its reference — never its secret — from the keyboard; the rotation says the references follow under Swap it in", async ({ page, keyturn }) => {
  const { secret, api, worker } = await seedKeyWithSites(keyturn);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await keyturn.launch();
  const detail = await openKey(page, REF);

  const sites = detail.getByRole('list', { name: 'Reference sites' });
  await expect(sites.getByRole('listitem')).toHaveCount(2);
  await expect(sites.getByRole('listitem').nth(0)).toHaveText(`${api}:2NORA_KEYby name — follows rotations`);
  await expect(sites.getByRole('listitem').nth(1)).toHaveText(`${worker}:4NORA_KEY_PINNEDby id — names this key only`);
  // The reference is on screen as text to select, and Copy reference puts it — and only it — on the clipboard.
  await expect(detail.getByTestId('key-reference')).toHaveText(`keyturn://${REF}`);
  const copy = detail.getByRole('button', { name: 'Copy reference' });
  await tabTo(page, copy);
  expect(await copy.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Reference copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`keyturn://${REF}`);
  expect(copied).not.toContain(secret);
  await expect(detail).not.toContainText(secret);

  // Revoke… opens the emergency panel for this key: where it is used by reference is beside its swap targets.
  await detail.getByRole('button', { name: 'Revoke…' }).click();
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  await expect(panel.getByTestId('leak-match')).toContainText(`Used by reference in: ${api}:2 (NORA_KEY); ${worker}:4 (NORA_KEY_PINNED)`);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // A guided rotation waits for the new key: under Swap it in, the references that follow and the one that will not.
  const reopened = await openKey(page, REF);
  await reopened.getByRole('button', { name: 'Rotate' }).click();
  const wizard = page.getByRole('dialog', { name: `Rotate ${REF}` });
  await wizard.getByRole('button', { name: 'Start rotation' }).click();
  await expect(wizard.getByLabel('New key')).toBeVisible();
  const swap = wizard.getByTestId('step-swap');
  await expect(swap).toContainText('1 reference follows automatically; restart the processes that use it.');
  await expect(swap.getByRole('list', { name: 'References that follow the rotation' })).toHaveText(`${api}:2NORA_KEY`);
  await expect(swap).toContainText(`1 reference names the old key by its id and will stop working once it is revoked. To follow rotations, change it to keyturn://${REF}.`);
  await expect(swap.getByRole('list', { name: 'References to the old key by id' })).toHaveText(`${worker}:4NORA_KEY_PINNED`);
  await expect(wizard).not.toContainText(secret);
});

test('a key named by no reference says how to find them, and its link opens the folder scan', async ({ page, keyturn }) => {
  const { nora } = keyturn.emulators;
  const svc = nora.control.createKey({ name: 'svc', env: 'sandbox', org: 'acme' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addKey({ instanceRef: 'nora/acme/staging', name: 'svc', secret: svc.secret });
  });
  await keyturn.launch();
  const detail = await openKey(page, REF);
  const section = detail.getByRole('region', { name: 'Used by reference' });
  await expect(section).toContainText('None found yet.');
  // The app's own words: no command-line option is named.
  await expect(section).not.toContainText('--');
  await section.getByRole('button', { name: 'scan that folder' }).click();
  await expect(page.getByRole('dialog', { name: 'Scan a folder for keys' })).toBeVisible();
});

test('an emergency revoke lists the places that read the key by reference, and says after the proof what to restart', async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  // In an account of its own, Nexora's list shows only this key: it is revoked by API.
  const account = nexora.control.createUser({ email: `refs-${Date.now()}@acme.test`, password: 'pw' });
  const leaked = nexora.control.createKey({ name: 'deploy', userId: account.id });
  const app = join(keyturn.home, 'deploy.env');
  writeFileSync(app, `NEXORA_API_KEY=${referenceFor('nexora/acme/dev/deploy')}\n`);
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'dev', env: 'sandbox', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/dev', name: 'deploy', secret: leaked.secret });
    await core.vault.recordReferenceSites([app], [{ file: app, line: 1, reference: referenceFor('nexora/acme/dev/deploy'), variable: 'NEXORA_API_KEY' }]);
  });
  await keyturn.launch();
  await page.keyboard.press('Control+Shift+R');
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  await panel.getByLabel(/Paste the leaked key/).fill(`NEXORA_API_KEY=${leaked.secret}`);
  await panel.getByRole('button', { name: 'Find the key' }).click();
  await expect(panel.getByTestId('leak-match')).toContainText('No swap targets recorded for it.');
  await expect(panel.getByTestId('leak-reference-sites')).toHaveText(`Used by reference in: ${app}:1 (NEXORA_API_KEY)`);
  await panel.getByRole('button', { name: 'Revoke now' }).click();
  await expect(panel.getByTestId('revoke-result')).toContainText('rejected (401): it is dead', { timeout: 15_000 });
  await page.screenshot({ path: '/tmp/keyturn-references-emergency-revoked.png' });
  await expect(panel.getByTestId('revoke-reference-sites')).toHaveText(
    `Restart what reads it by name once a new key holds its name (the references need no change): ${app}:1 (NEXORA_API_KEY).`,
  );
  expect(nexora.control.keys().find((k) => k.id === leaked.id)?.status).toBe('revoked');
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const size of [
    { width: 900, height: 600 },
    { width: 1440, height: 900 },
  ] as const) {
    test(`reference sites in the detail and the rotation wizard, ${colorScheme} theme, ${size.width}×${size.height}: within the window, no serious axe violation, a focus ring on every control`, async ({ page, keyturn }) => {
      await seedKeyWithSites(keyturn);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await keyturn.launch();
      const where = `${colorScheme} ${size.width}×${size.height}`;
      const shot = (screen: string) => page.screenshot({ path: `/tmp/keyturn-references-${colorScheme}-${size.width}x${size.height}-${screen}.png` });
      // Nothing pushes its pane or dialog sideways: a long path wraps.
      const noSidewaysScroll = async (scroller: string) =>
        expect(await page.locator(scroller).first().evaluate((el) => el.scrollWidth - el.clientWidth), `${scroller} scrolls sideways (${where})`).toBeLessThanOrEqual(0);

      const detail = await openKey(page, REF);
      await expect(detail.getByRole('button', { name: 'Copy reference' })).toBeVisible();
      await shot('detail-top');
      const sites = detail.getByRole('region', { name: 'Used by reference' });
      await sites.scrollIntoViewIfNeeded();
      await expect(sites.getByRole('listitem')).toHaveCount(2);
      await shot('detail');
      await noSidewaysScroll('.detail');
      expect.soft(await blockingViolations(page), `axe on the key detail (${where})`).toEqual([]);
      expect.soft(await focusRingProblems(page), `focus rings on the key detail (${where})`).toEqual([]);

      await detail.getByRole('button', { name: 'Rotate' }).click();
      const wizard = page.getByRole('dialog', { name: `Rotate ${REF}` });
      await wizard.getByRole('button', { name: 'Start rotation' }).click();
      await expect(wizard.getByLabel('New key')).toBeVisible();
      await wizard.getByTestId('swap-references').scrollIntoViewIfNeeded();
      await shot('rotation');
      await noSidewaysScroll('.dialog-body');
      expect.soft(await blockingViolations(page), `axe on the rotation wizard (${where})`).toEqual([]);
      expect.soft(await focusRingProblems(page), `focus rings on the rotation wizard (${where})`).toEqual([]);
    });
  }
}
