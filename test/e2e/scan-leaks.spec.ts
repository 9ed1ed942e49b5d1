import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Keyturn, type Page } from './fixtures.js';
import { blockingViolations } from './support/axe.js';
import { focusRingProblems } from './support/focus-ring.js';

const SHOTS = '/tmp/shots-13';

function git(cwd: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.test', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });
}

/** A vault with one Xora production key, xora/acme/main/api: the emulator's key (its id and secret). */
async function vaultWithXoraKey(keyturn: Keyturn) {
  const { xora } = keyturn.emulators;
  const planted = xora.control.createKey({ name: 'api' });
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: xora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret: planted.secret });
  });
  return planted;
}

/** The dialog at 900×600 in the light and the dark theme, for a person to look at. */
async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 900, height: 600 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function scanFolder(page: Page, folder: string) {
  await page.getByRole('banner').getByRole('button', { name: 'Scan a folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan a folder for keys' });
  await dialog.getByLabel('Folder to scan').fill(folder);
  await dialog.getByRole('button', { name: 'Scan', exact: true }).click();
  return dialog;
}

test('a scan finds a vault key and an unknown key in source files: Add to vault stores the unknown one, Emergency revoke opens on the vault one', async ({ page, keyturn }) => {
  const planted = await vaultWithXoraKey(keyturn);
  const unknown = keyturn.emulators.xora.control.createKey({ name: 'worker' });
  const project = join(keyturn.home, 'project');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'src', 'client.ts'), `import { Xora } from 'xora';\n\nexport const client = new Xora({ apiKey: '${planted.secret}' });\n`);
  writeFileSync(join(project, 'src', 'worker.ts'), `// TODO move to the environment\nconst WORKER_KEY = "${unknown.secret}";\n`);
  await keyturn.launch();

  const dialog = await scanFolder(page, project);
  await expect(dialog.getByText(/Reads every text file under the folder/)).toContainText('skips binary files, node_modules and what .gitignore excludes');
  const found = dialog.getByRole('list', { name: 'Keys found' });
  const groups = found.getByRole('listitem');
  await expect(groups).toHaveCount(2);
  // The vault's own key first, named; then the one the vault does not hold.
  await expect(groups.nth(0)).toContainText('In your vault as xora/acme/main/api');
  await expect(groups.nth(0)).toContainText('src/client.ts:3');
  await expect(groups.nth(1)).toContainText('Not in the vault');
  await expect(groups.nth(1)).toContainText('src/worker.ts:2');
  await expect(dialog).not.toContainText(planted.secret);
  await expect(dialog).not.toContainText(unknown.secret);
  // Not a repository: no history to offer.
  await expect(dialog.getByRole('button', { name: 'Scan history too' })).toHaveCount(0);
  await shots(page, 'scan-findings');

  // Add to vault, by keyboard: the one instance that fits is chosen already.
  const stranger = groups.nth(1);
  await stranger.getByRole('button', { name: /^Add to vault nte_/ }).focus();
  await page.keyboard.press('Enter');
  const form = stranger.getByRole('form');
  await expect(form.getByLabel('Instance')).toBeFocused();
  await expect(form.getByLabel('Instance')).toHaveValue('xora/acme/main');
  await expect(form.getByLabel('Name')).toHaveValue('key');
  // A name the instance has already: said next to the name.
  await form.getByLabel('Name').fill('api');
  await form.getByRole('button', { name: 'Add to vault' }).click();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('api');
  await shots(page, 'scan-add-form');
  await form.getByLabel('Name').fill('worker');
  await form.getByRole('button', { name: 'Add to vault' }).click();
  await expect(dialog.getByText('Added as xora/acme/main/worker')).toBeVisible();
  await expect(found.getByRole('listitem', { name: /in your vault as xora\/acme\/main\/worker/ })).toBeVisible();
  await expect(found.getByRole('listitem', { name: /not in the vault/ })).toHaveCount(0);
  await shots(page, 'scan-added');

  // Emergency revoke from the vault key's row: the panel opens on that key, no paste needed.
  await found.getByRole('button', { name: 'Emergency revoke xora/acme/main/api' }).click();
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  await expect(panel.getByTestId('leak-match')).toContainText('xora/acme/main/api');
  await expect(panel.getByLabel(/Paste the leaked key/)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'worker in xora/acme/main' })).toHaveCount(1);
});

test('Rotate from a vault key found by a scan opens the rotation wizard on that key', async ({ page, keyturn }) => {
  const planted = await vaultWithXoraKey(keyturn);
  const project = join(keyturn.home, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'settings.json'), JSON.stringify({ xora: { apiKey: planted.secret } }, null, 2));
  await keyturn.launch();
  const dialog = await scanFolder(page, project);
  await dialog.getByRole('button', { name: 'Rotate xora/acme/main/api' }).click();
  await expect(page.getByRole('dialog', { name: /xora\/acme\/main\/api/ })).toBeVisible();
});

// Needs the git history scan (repositoryRoot, scanHistory) and the scan sites (recordScanSites).
test('a git repository: Scan history too finds a key added then removed, with its commit; the emergency panel lists where scans found it', async ({ page, keyturn }) => {
  const planted = await vaultWithXoraKey(keyturn);
  const repo = join(keyturn.home, 'repo');
  mkdirSync(repo, { recursive: true });
  git(repo, 'init', '-q');
  writeFileSync(join(repo, 'deploy.sh'), `#!/bin/sh\ncurl -H "Authorization: Bearer ${planted.secret}" https://api.xora.sh/v1/jobs\n`);
  git(repo, 'add', 'deploy.sh');
  git(repo, 'commit', '-q', '-m', 'deploy script');
  writeFileSync(join(repo, 'deploy.sh'), '#!/bin/sh\ncurl -H "Authorization: Bearer $XORA_API_KEY" https://api.xora.sh/v1/jobs\n');
  git(repo, 'commit', '-q', '-am', 'key from the environment');
  const sha = execFileSync('git', ['rev-parse', '--short=7', 'HEAD~1'], { cwd: repo, encoding: 'utf8' }).trim();
  await keyturn.launch();

  const dialog = await scanFolder(page, repo);
  await expect(dialog.getByText('No provider keys found under this folder.')).toBeVisible();
  await shots(page, 'scan-repository');
  await dialog.getByRole('button', { name: 'Scan history too' }).click();
  await expect(dialog.getByText(/2 commit\(s\) of its history were read too/)).toBeVisible();
  const group = dialog.getByRole('list', { name: 'Keys found' }).getByRole('listitem', { name: /in your vault as xora\/acme\/main\/api/ });
  await expect(group).toContainText('deploy.sh:2');
  await expect(group).toContainText(sha);
  await expect(group).toContainText('removed since');
  await shots(page, 'scan-history');

  await group.getByRole('button', { name: 'Emergency revoke xora/acme/main/api' }).click();
  const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
  await expect(panel.getByTestId('leak-scan-sites')).toContainText(`Found by a scan in commit ${sha} of ${join(repo, 'deploy.sh')}`);
  await shots(page, 'emergency-scan-sites');
  // Xora's revoke is guided: done in its dashboard while the panel checks for the 401.
  await panel.getByLabel('Instance name').fill('main');
  await panel.getByRole('button', { name: 'Revoke now' }).click();
  await expect(panel.getByTestId('revoke-waiting')).toBeVisible();
  keyturn.emulators.xora.control.revokeKey(planted.id);
  await expect(panel.getByTestId('revoke-result')).toContainText('rejected (401)', { timeout: 15_000 });
  await expect(panel.getByTestId('revoke-scan-sites')).toHaveText('The commits that still hold it need no rewrite: the key is dead now.');
  await page.keyboard.press('Escape');
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'api in xora/acme/main' }).click();
  const sites = page.getByRole('complementary', { name: 'Key detail' }).getByTestId('scan-sites');
  await expect(sites).toContainText(`in commit ${sha} of ${join(repo, 'deploy.sh')}`);
  await expect(sites).toContainText('It is revoked, so it is dead in these places');
  await sites.scrollIntoViewIfNeeded();
  await shots(page, 'detail-scan-sites');
});

test.describe('the Scan dialog with its findings and the Add to vault form', () => {
  // axe-core is injected as a script; the app's Content-Security-Policy would refuse it.
  test.use({ bypassCSP: true });

  test('no serious or critical axe violation and a focus ring one can see, light and dark, at 900×600', async ({ page, keyturn }) => {
    const planted = await vaultWithXoraKey(keyturn);
    const unknown = keyturn.emulators.xora.control.createKey({ name: 'worker' });
    const project = join(keyturn.home, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, '.env'), `XORA_API_KEY=${planted.secret}\nXORA_WORKER_KEY=${unknown.secret}\n`);
    await page.setViewportSize({ width: 900, height: 600 });
    await keyturn.launch();
    const dialog = await scanFolder(page, project);
    const stranger = dialog.getByRole('list', { name: 'Keys found' }).getByRole('listitem', { name: /not in the vault/ });
    await stranger.getByRole('button', { name: /^Add to vault nte_/ }).click();
    await expect(stranger.getByRole('form').getByLabel('Name')).toHaveValue('xora-worker-key');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect.soft(await blockingViolations(page), `axe (${colorScheme})`).toEqual([]);
      expect.soft(await focusRingProblems(page), `focus rings (${colorScheme})`).toEqual([]);
    }
  });
});
