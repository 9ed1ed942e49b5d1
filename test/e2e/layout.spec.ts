import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleKeys } from '../support/keys.js';
import { expect, test, type Page } from './fixtures.js';

// A fixed "today": six keys expire within the week, so six reminders arrive at launch.
const clock = { now: () => new Date('2026-06-01T09:00:00Z') };

const SIZES = [
  { width: 900, height: 600 },
  { width: 1440, height: 900 },
] as const;

async function seedVault(keyturn: Parameters<Parameters<typeof test>[2]>[0]['keyturn']): Promise<void> {
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'test', env: 'sandbox' });
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'jobs', env: 'production' });
    for (const name of ['payments', 'reports', 'billing', 'search', 'mailer', 'exports']) {
      await core.vault.addKey({ instanceRef: 'nora/acme/live', name, secret: sampleKeys.nora('production'), expiresOn: '2026-06-05' });
    }
    await core.vault.addKey({ instanceRef: 'nora/acme/test', name: 'ci', secret: sampleKeys.nora('sandbox') });
    await core.vault.addKey({ instanceRef: 'xora/acme/jobs', name: 'worker', secret: sampleKeys.xora() });
  }, clock);
}

/**
 * Every button, link, input and select that is in the window and not inside an inert part (what a
 * modal hides): the element at its centre is itself or inside it, so a click lands on it.
 */
async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const covered: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="row"][tabindex]'))) {
      if (el.closest('[inert], [aria-hidden="true"]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
      // A control inside a scrolled box shows only where the box is: its centre must be in the box.
      let clipped = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
        const clip = p.getBoundingClientRect();
        if (y < clip.top || y > clip.bottom || x < clip.left || x > clip.right) clipped = true;
      }
      if (clipped) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === el || el.contains(hit))) covered.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" under ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`);
    }
    return covered;
  });
}

async function noToasts(page: Page): Promise<void> {
  // Outcomes go away by themselves: waiting for that is part of the check.
  await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}: the banners keep to a strip, no control is covered, the detail is ${size.width < 1100 ? 'a drawer' : 'a pane'}, dialogs keep their title and footer`, async ({ page, keyturn }) => {
    await page.setViewportSize(size);
    await seedVault(keyturn);
    await keyturn.launch({ clock });
    const tag = `${size.width}x${size.height}`;

    const reminders = page.getByRole('region', { name: 'Reminders' });
    await expect(reminders.getByRole('status')).toHaveCount(6);
    // Six reminders are a strip of the window (scrolling inside), not the whole of it.
    const notices = await page.getByRole('region', { name: 'Notices' }).boundingBox();
    expect(notices?.height ?? 0).toBeLessThanOrEqual(Math.min(size.height * 0.24, 200) + 2);
    const keys = await page.getByRole('region', { name: 'Keys' }).boundingBox();
    expect(keys?.height ?? 0).toBeGreaterThan(size.height * 0.45);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await keyturn.shot(`layout-vault-${tag}-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await coveredControls(page)).toEqual([]);

    // The key detail.
    const row = page.getByRole('row').filter({ hasText: 'worker' });
    await row.click();
    if (size.width < 1100) {
      const drawer = page.getByRole('dialog', { name: 'Key detail' });
      await expect(drawer).toBeVisible();
      await expect(drawer.getByRole('complementary', { name: 'Key detail' })).toContainText('xora/acme/jobs/worker');
      // The focus went into it, and the table behind it cannot be reached.
      await expect.poll(() => drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await keyturn.shot(`layout-drawer-${tag}`);
      expect(await coveredControls(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      // …and comes back to the row it was opened from.
      await expect.poll(() => row.evaluate((r) => r === document.activeElement || r.contains(document.activeElement))).toBe(true);
      await row.click();
      await expect(drawer).toBeVisible();
      // A dialog opened from the drawer stands over it; Escape closes that one only.
      await drawer.getByRole('button', { name: 'Revoke…' }).click();
      const revoke = page.getByRole('dialog', { name: 'Emergency revoke' });
      await expect(revoke).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(revoke).toBeHidden();
      await expect(drawer).toBeVisible();
      await drawer.getByRole('button', { name: 'Close the key detail' }).click();
      await expect(drawer).toBeHidden();
    } else {
      const pane = page.getByRole('complementary', { name: 'Key detail' });
      await expect(pane).toContainText('xora/acme/jobs/worker');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await keyturn.shot(`layout-pane-${tag}`);
      expect(await coveredControls(page)).toEqual([]);
    }

    // Add key: a long form in a short window. The title and the footer stay in view; the body scrolls.
    await page.getByRole('button', { name: 'Add key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a key' });
    await dialog.getByRole('combobox', { name: /^Instance/ }).selectOption('__new__');
    const title = dialog.getByRole('heading', { name: 'Add a key' });
    const footer = dialog.getByTestId('dialog-footer');
    const body = dialog.getByTestId('dialog-body');
    await body.evaluate((b) => b.scrollTo(0, b.scrollHeight));
    for (const part of [title, footer]) {
      const box = await part.boundingBox();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height);
    }
    await expect(footer.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await expect(footer.getByRole('button', { name: 'Store in keychain' })).toBeInViewport();
    if (size.height <= 600) expect(await body.evaluate((b) => b.scrollHeight > b.clientHeight)).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await keyturn.shot(`layout-add-key-${tag}-${scheme}`);
    }
    // The backdrop dims the page in the dark theme too.
    const backdrop = await page.locator('.overlay').first().evaluate((o) => getComputedStyle(o).backgroundColor);
    expect(Number(/rgba?\([^)]*[,/]\s*([\d.]+)\)/.exec(backdrop)?.[1] ?? '0')).toBeGreaterThanOrEqual(0.55);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await coveredControls(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // An outcome is a toast that goes away by itself.
    await reminders.getByRole('button', { name: 'Snooze a day' }).first().click();
    const toast = page.getByTestId('toast');
    await expect(toast).toContainText('No reminder for nora/acme/live/');
    await keyturn.shot(`layout-toast-${tag}`);
    await noToasts(page);

    // The audit view.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Audit/ }).click();
    await expect(page.getByRole('region', { name: 'Audit' }).getByTestId('audit-rows').getByRole('row')).toHaveCount(8);
    await keyturn.shot(`layout-audit-${tag}`);
    expect(await coveredControls(page)).toEqual([]);
    await page.getByRole('region', { name: 'Audit' }).getByRole('button', { name: 'Policy…' }).click();
    const policy = page.getByRole('dialog', { name: 'Rotation policy' });
    await expect(policy.getByTestId('dialog-footer').getByRole('button', { name: 'Save' })).toBeInViewport();
    await expect(policy.getByRole('heading', { name: 'Rotation policy' })).toBeInViewport();
    await keyturn.shot(`layout-policy-${tag}`);
    await page.keyboard.press('Escape');

    // Emergency revoke, from the keyboard.
    await page.keyboard.press('Control+Shift+R');
    const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
    await expect(panel.getByTestId('dialog-footer').getByRole('button', { name: 'Find the key' })).toBeInViewport();
    await keyturn.shot(`layout-emergency-${tag}`);
    expect(await coveredControls(page)).toEqual([]);
  });
}

test('the detail follows the window: a drawer up to 1,099 px, a pane from 1,100 px to 2560×1440, nothing covered', async ({ page, keyturn }) => {
  await page.setViewportSize({ width: 1099, height: 700 });
  await seedVault(keyturn);
  await keyturn.launch({ clock });
  await page.getByRole('row').filter({ hasText: 'worker' }).click();
  await expect(page.getByRole('dialog', { name: 'Key detail' })).toBeVisible();
  // Widened with the drawer open: the same key, now in the pane.
  await page.setViewportSize({ width: 1100, height: 700 });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Key detail' })).toContainText('xora/acme/jobs/worker');
  expect(await coveredControls(page)).toEqual([]);
  await keyturn.shot('layout-pane-1100x700');
  await page.setViewportSize({ width: 2560, height: 1440 });
  await expect(page.getByRole('complementary', { name: 'Key detail' })).toContainText('xora/acme/jobs/worker');
  await keyturn.shot('layout-pane-2560x1440');
  expect(await coveredControls(page)).toEqual([]);
});

test('the shortcuts are shown on their buttons and work from the keyboard', async ({ page, keyturn }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedVault(keyturn);
  await keyturn.launch({ clock });
  const add = page.getByRole('banner').getByRole('button', { name: 'Add key' });
  await expect(add).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+K');
  await expect(add).toHaveAttribute('title', 'Add a key (Ctrl+Shift+K)');
  await expect(add.locator('kbd')).toHaveText('Ctrl+Shift+K');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Emergency revoke' }).locator('kbd')).toHaveText('Ctrl+Shift+R');
  await page.keyboard.press('Control+Shift+K');
  await expect(page.getByRole('dialog', { name: 'Add a key' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+F');
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toBeFocused();
});

test('when the host stops, the page says so once, in words, and stops calling it', async ({ page, keyturn }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await seedVault(keyturn);
  await keyturn.launch({ clock });
  await expect(page.getByRole('region', { name: 'Reminders' }).getByRole('status')).toHaveCount(6);
  await keyturn.stopHost();
  const stopped = page.getByTestId('host-stopped');
  await expect(stopped).toHaveText("Keyturn has stopped. Start it again with the app's start command, then reload this page.");
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByTestId('toast')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/Failed to fetch|TypeError|ENOENT|--/);
  // Nothing asks the host again: not the keyboard's shortcuts, not the page's own calls.
  const calls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) calls.push(r.url());
  });
  await page.keyboard.press('Control+Shift+R');
  await page.keyboard.press('Control+Shift+K');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await keyturn.shot('layout-host-stopped-900x600');
  expect(calls).toEqual([]);
});

test("a key its provider rejected shows on the Audit tab's badge, besides the keys that need attention", async ({ page, keyturn }) => {
  const { nexora } = keyturn.emulators;
  const ci = nexora.control.createKey({ name: 'ci' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nexora', org: 'acme', name: 'self-hosted', env: 'production', baseUrl: nexora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'nexora/acme/self-hosted', name: 'ci', secret: ci.secret });
    nexora.control.revokeKey(ci.id);
    await core.vault.verify(['nexora/acme/self-hosted/ci']);
  });
  await keyturn.launch();
  const audit = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Audit/ });
  await expect(audit.getByTestId('audit-rejected')).toHaveText('1 rejected');
});

test("a toast never covers a dialog's buttons: Scan's outcome while its long list and Import are shown at 900×600", async ({ page, keyturn }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const dir = join(keyturn.home, 'project');
  mkdirSync(dir);
  writeFileSync(join(dir, '.env'), Array.from({ length: 12 }, (_, i) => `XORA_KEY_${i}=${sampleKeys.xora()}`).join('\n'));
  await seedVault(keyturn);
  await keyturn.launch({ clock });
  await page.getByRole('banner').getByRole('button', { name: 'Scan a folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan a folder for keys' });
  await dialog.getByLabel('Folder to scan').fill(dir);
  await dialog.getByRole('button', { name: 'Scan', exact: true }).click();
  await expect(page.getByTestId('toast')).toContainText('Found 12 key(s)');
  await expect(dialog.getByTestId('dialog-footer').getByRole('button', { name: 'Import 12 new key(s)' })).toBeInViewport();
  await keyturn.shot('layout-scan-toast-900x600');
  expect(await coveredControls(page)).toEqual([]);
});
