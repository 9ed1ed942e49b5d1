import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NORA_KEYS_PATH } from '../emulators/index.js';
import { expect, test, type Keyturn, type Page } from './fixtures.js';

// Every rotation a person starts finishes or backs out in the app: a wrong pasted key is replaced,
// a rotation is abandoned (old key current, pending key gone), an interrupted one is resumed or
// abandoned from its key's detail. Keys are found by their name (unique here), as the table shows them.

const detail = (page: Page) => page.getByRole('complementary', { name: 'Key detail' });

async function openKey(page: Page, name: string, ref: string) {
  await page.getByRole('row').filter({ hasText: name }).first().click();
  await expect(detail(page)).toContainText(ref);
}

/** A sandbox Nora instance with one key (and, unless told, a .env target), as a person would have it before rotating. */
async function noraKey(keyturn: Keyturn, name: string, withTarget = true) {
  const { nora } = keyturn.emulators;
  const old = nora.control.createKey({ name, env: 'sandbox', org: 'acme' });
  const env = join(keyturn.home, `${name}.env`);
  writeFileSync(env, `NORA_KEY=${old.secret}\n`);
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'nora', org: 'acme', name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addKey({ instanceRef: 'nora/acme/staging', name, secret: old.secret });
    if (withTarget) await core.vault.addTarget(`nora/acme/staging/${name}`, { kind: 'dotenv', file: env, variable: 'NORA_KEY' }, keyturn.home);
  });
  return { old, env, ref: `nora/acme/staging/${name}` };
}

/** A key made in the dashboard and revoked there before it was pasted: it looks right, and the provider refuses it (401). */
function deadKey(keyturn: Keyturn, name: string) {
  const { nora } = keyturn.emulators;
  const dead = nora.control.createKey({ name, env: 'sandbox', org: 'acme' });
  nora.control.revokeKey(dead.id);
  return dead;
}

async function startRotation(page: Page, ref: string) {
  await detail(page).getByRole('button', { name: 'Rotate', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: `Rotate ${ref}` });
  await wizard.getByRole('button', { name: 'Start rotation' }).click();
  await expect(wizard.getByText('Create the new key in the dashboard, then paste it here')).toBeVisible();
  return wizard;
}

// The key is checked with the provider before it is written to any swap target: with a target, a
// wrong key stops the rotation there ("Swap it in"); without one, at "Check it works".
const NOT_ACCEPTED = /Stopped at “(Swap it in|Check it works)”: the new key is/;

test('a wrong pasted key: the rotation stops before using it, "Use a different key" asks again, the right key finishes, Done closes', async ({ page, keyturn }) => {
  const { nora } = keyturn.emulators;
  const { old, env, ref } = await noraKey(keyturn, 'billing');
  await keyturn.launch();
  await openKey(page, 'billing', ref);
  const wizard = await startRotation(page, ref);
  // Nora sets expiry dates in its dashboard: the wizard asks for the one chosen there.
  await expect(wizard.getByLabel('Expires on, as chosen in the dashboard')).toBeVisible();

  const wrong = deadKey(keyturn, 'billing-wrong');
  await wizard.getByLabel('New key', { exact: true }).fill(wrong.secret);
  // Checked while typing, as Add key does: the key has the right shape.
  await expect(wizard.getByTestId('rotation-key-check')).toContainText('Looks right');
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  const stopped = wizard.getByTestId('rotation-stopped');
  await expect(stopped).toContainText(NOT_ACCEPTED, { timeout: 15_000 });
  // Nothing was written with the wrong key.
  expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${old.secret}\n`);
  await expect(stopped.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(stopped.getByRole('button', { name: 'Abandon the rotation…' })).toBeVisible();
  await expect(wizard).not.toContainText('keyturn rotate');
  await keyturn.shot('rotation-recovery-verify-failed');

  await stopped.getByRole('button', { name: 'Use a different key' }).click();
  await expect(wizard.getByText('Create the new key in the dashboard, then paste it here')).toBeVisible();
  await expect(wizard.getByTestId('step-create')).toHaveAttribute('data-status', 'running');
  const right = nora.control.createKey({ name: 'billing-2026-12', env: 'sandbox', org: 'acme' });
  await wizard.getByLabel('New key', { exact: true }).fill(right.secret);
  await wizard.getByLabel('Expires on, as chosen in the dashboard').fill('2027-06-30');
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await expect(wizard.getByText('Revoke the old key in the dashboard')).toBeVisible({ timeout: 15_000 });
  nora.control.revokeKey(old.id);
  await expect(wizard.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  await keyturn.shot('rotation-recovery-done');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toBeHidden();

  expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${right.secret}\n`);
  const keys = await keyturn.seed(async (core) => core.vault.listKeys());
  const current = keys.find((k) => k.ref === ref);
  expect(current?.status).toBe('active');
  expect(current?.fingerprint).not.toBe(keys.find((k) => k.id === old.id)?.fingerprint);
  expect(current?.expiresOn).toBe('2027-06-30');
  // Neither the wrong key nor any other pending key is left behind.
  expect(keys.filter((k) => k.status === 'pending')).toEqual([]);
});

test('abandoned in the wizard: the old key stays current, the pending key is gone, and the wizard says so', async ({ page, keyturn }) => {
  const { ref } = await noraKey(keyturn, 'mailer', false);
  const before = await keyturn.seed(async (core) => core.vault.listKeys());
  await keyturn.launch();
  await openKey(page, 'mailer', ref);
  const wizard = await startRotation(page, ref);
  await wizard.getByLabel('New key', { exact: true }).fill(deadKey(keyturn, 'mailer-wrong').secret);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  const stopped = wizard.getByTestId('rotation-stopped');
  await expect(stopped).toContainText('Stopped at “Check it works”', { timeout: 15_000 });

  await stopped.getByRole('button', { name: 'Abandon the rotation…' }).click();
  // Asked once more; keeping it changes nothing.
  const confirm = wizard.getByRole('group', { name: 'Confirm abandoning the rotation' });
  await expect(confirm.getByRole('button', { name: 'Keep the rotation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  // With the keyboard only: the focus is back on the button that asked.
  await expect(stopped.getByRole('button', { name: 'Abandon the rotation…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Abandon the rotation', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wizard.getByTestId('rotation-abandoned')).toContainText(`Rotation abandoned: ${ref} still uses its old key`);
  // The pasted key was made in the dashboard: only the person can revoke it there.
  await expect(wizard.getByTestId('rotation-abandoned')).toContainText('Keyturn did not revoke the new key at the provider');
  await keyturn.shot('rotation-recovery-abandoned');
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(wizard).toBeHidden();

  const after = await keyturn.seed(async (core) => core.vault.listKeys());
  const old = before.find((k) => k.ref === ref);
  expect(after.find((k) => k.ref === ref)).toMatchObject({ id: old?.id, status: 'active', fingerprint: old?.fingerprint });
  expect(after.filter((k) => k.status === 'pending')).toEqual([]);
  await expect(detail(page).getByTestId('rotation-in-progress')).toHaveCount(0);
  await expect(detail(page).getByTestId('key-status')).toHaveText('active');
});

test('an interrupted rotation: its banner line can be dismissed, and the key’s detail resumes it to the end', async ({ page, keyturn }) => {
  const { nora } = keyturn.emulators;
  const { old, ref } = await noraKey(keyturn, 'search');
  await keyturn.launch();
  await openKey(page, 'search', ref);
  await startRotation(page, ref);
  // The app quits while the wizard waits for the key.
  await keyturn.stopHost();
  await keyturn.launch();
  const banner = page.getByRole('region', { name: 'Interrupted rotations' });
  await expect(banner).toContainText(`A rotation of ${ref} was interrupted`);
  await expect(banner.getByText(`A rotation of ${ref} was interrupted`)).toHaveCount(1);
  await banner.getByRole('button', { name: `Dismiss the notice about ${ref}` }).click();
  await expect(banner).toBeHidden();

  await openKey(page, 'search', ref);
  const inProgress = detail(page).getByTestId('rotation-in-progress');
  await expect(inProgress).toContainText('Interrupted');
  await keyturn.shot('rotation-recovery-detail');
  // The vault read again (a verify changes it) does not bring the dismissed line back.
  await detail(page).getByRole('button', { name: 'Verify now' }).click();
  await expect(detail(page).getByTestId('last-verified')).not.toHaveText('never');
  await expect(banner).toBeHidden();

  await inProgress.getByRole('button', { name: 'Resume' }).click();
  const wizard = page.getByRole('dialog', { name: `Rotate ${ref}` });
  await expect(wizard.getByText('Create the new key in the dashboard, then paste it here')).toBeVisible();
  const fresh = nora.control.createKey({ name: 'search-next', env: 'sandbox', org: 'acme' });
  await wizard.getByLabel('New key', { exact: true }).fill(fresh.secret);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await expect(wizard.getByText('Revoke the old key in the dashboard')).toBeVisible({ timeout: 15_000 });
  nora.control.revokeKey(old.id);
  await expect(wizard.getByTestId('rotation-complete')).toBeVisible({ timeout: 15_000 });
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toBeHidden();
  await expect(inProgress).toHaveCount(0);
});

test('an interrupted rotation abandoned from the key’s detail: asked once more, then the old key is current and nothing is pending', async ({ page, keyturn }) => {
  const { ref } = await noraKey(keyturn, 'ledger');
  await keyturn.launch();
  await openKey(page, 'ledger', ref);
  const wizard = await startRotation(page, ref);
  await wizard.getByLabel('New key', { exact: true }).fill(deadKey(keyturn, 'ledger-wrong').secret);
  await wizard.getByRole('button', { name: 'Save new key' }).click();
  await expect(wizard.getByTestId('rotation-stopped')).toContainText(NOT_ACCEPTED, { timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();

  // Rotate again: the wizard finds the rotation in progress and offers it, in the app, not at a command line.
  await detail(page).getByRole('button', { name: 'Rotate', exact: true }).click();
  await wizard.getByRole('button', { name: 'Start rotation' }).click();
  const existing = wizard.getByTestId('rotation-existing');
  await expect(existing).toContainText(`A rotation of ${ref} is already in progress`);
  await expect(existing.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(existing.getByRole('button', { name: 'Abandon the rotation…' })).toBeVisible();
  await expect(wizard).not.toContainText('keyturn ');
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();

  const inProgress = detail(page).getByTestId('rotation-in-progress');
  await expect(inProgress).toContainText(/Interrupted, stopped at “(Swap it in|Check it works)”/);
  await inProgress.getByRole('button', { name: 'Abandon the rotation…' }).click();
  await inProgress.getByRole('group', { name: 'Confirm abandoning the rotation' }).getByRole('button', { name: 'Abandon the rotation' }).click();
  await expect(inProgress).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Interrupted rotations' })).toHaveCount(0);
  const keys = await keyturn.seed(async (core) => core.vault.listKeys());
  expect(keys.find((k) => k.ref === ref)?.status).toBe('active');
  expect(keys.filter((k) => k.status === 'pending')).toEqual([]);
});
