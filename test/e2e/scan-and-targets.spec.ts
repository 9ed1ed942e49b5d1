import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sampleKeys } from '../support/keys.js';
import { expect, test } from './fixtures.js';

test('first launch: scan a folder from the empty vault, see what is found, import the keys that fit an instance', async ({ page, keyturn }) => {
  const project = join(keyturn.home, 'project');
  mkdirSync(join(project, 'node_modules', 'dep'), { recursive: true });
  const xora = sampleKeys.xora();
  const nora = sampleKeys.nora('production');
  writeFileSync(join(project, '.env'), `# app\nXORA_API_KEY=${xora}\nNORA_KEY="${nora}"\n`);
  writeFileSync(join(project, 'node_modules', 'dep', '.env'), `XORA_API_KEY=${sampleKeys.xora()}\n`);
  // A link is never followed by a scan: the dialog says which file it did not read, and why.
  symlinkSync(join(project, '.env'), join(project, 'linked.env'));
  await keyturn.launch();

  await expect(page.getByRole('region', { name: 'Empty vault' })).toBeVisible();
  await keyturn.shot('first-launch');
  await page.getByRole('region', { name: 'Empty vault' }).getByRole('button', { name: 'Scan a folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan a folder for keys' });
  await dialog.getByLabel('Folder to scan').fill('project');
  await dialog.getByRole('button', { name: 'Scan', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not a full path');

  await dialog.getByLabel('Folder to scan').fill(project);
  await dialog.getByRole('button', { name: 'Scan', exact: true }).click();
  const found = dialog.getByRole('list', { name: 'Keys found' });
  await expect(found.getByRole('listitem')).toHaveCount(2);
  await expect(found).toContainText('XORA_API_KEY');
  await expect(found).not.toContainText(xora);
  await dialog.getByText('1 file(s) not read').click();
  await expect(dialog.getByRole('list', { name: 'Files not read' }).getByRole('listitem')).toContainText(`${join(project, 'linked.env')}: a symbolic link, not followed`);
  // An empty vault has no instance for them yet: each says which to add.
  await dialog.getByRole('button', { name: 'Import 2 new key(s)' }).click();
  await expect(dialog.getByText(/Not imported .*no xora/)).toBeVisible();
  await keyturn.shot('scan-folder');
  await page.keyboard.press('Escape');

  await keyturn.seed((core) => core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production' }));
  await page.getByRole('banner').getByRole('button', { name: 'Scan a folder' }).click();
  await dialog.getByLabel('Folder to scan').fill(project);
  await dialog.getByRole('button', { name: 'Scan', exact: true }).click();
  await dialog.getByRole('button', { name: 'Import 2 new key(s)' }).click();
  await expect(dialog.getByText(/Imported xora\/acme\/main\/.* with 1 swap target/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'in xora/acme/main' })).toHaveCount(1);
});

test('swap targets: add a command target with its arguments one per line, and remove it', async ({ page, keyturn }) => {
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
    await core.vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret: sampleKeys.xora() });
  });
  await keyturn.launch();
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'api in xora/acme/main' }).click();
  const targets = page.getByRole('region', { name: 'Swap targets' });
  await targets.getByLabel('Command').check();
  // A program that is not installed is refused when added: a swap would stop on it.
  const vault = join(keyturn.home, 'bin', 'vault');
  await targets.getByRole('textbox', { name: 'Command' }).fill(vault);
  await targets.getByLabel('Arguments, one per line').fill('kv\nput\nsecret/app key=-\n');
  await targets.getByRole('button', { name: 'Add target' }).click();
  await expect(targets.getByRole('alert')).toHaveText(`${vault} is no executable file. Nothing was added; give the path of a program in the Command field.`);
  mkdirSync(dirname(vault));
  writeFileSync(vault, '#!/bin/sh\ncat >/dev/null\n', { mode: 0o755 });
  await targets.getByRole('button', { name: 'Add target' }).click();
  await expect(targets.getByRole('listitem')).toContainText(`command ${vault} kv put secret/app key=- (key on stdin)`);
  await keyturn.shot('key-detail-targets');
  await targets.getByRole('button', { name: `Remove target command ${vault}` }).click();
  await expect(targets.getByRole('listitem')).toHaveCount(0);
});

test('swap targets: a .env link shows where it leads and is added once confirmed; a FIFO is refused with the reason', async ({ page, keyturn }) => {
  const secret = sampleKeys.xora();
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
    await core.vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret });
  });
  const real = join(keyturn.home, 'real.env');
  const link = join(keyturn.home, 'link.env');
  writeFileSync(real, `XORA_API_KEY=${secret}\n`);
  symlinkSync(real, link);
  const pipe = join(keyturn.home, 'pipe.env');
  execFileSync('mkfifo', [pipe]);
  await keyturn.launch();
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'api in xora/acme/main' }).click();
  const targets = page.getByRole('region', { name: 'Swap targets' });

  await targets.getByLabel('.env file path').fill(pipe);
  await targets.getByLabel('Variable').fill('XORA_API_KEY');
  await targets.getByRole('button', { name: 'Add target' }).click();
  await expect(targets.getByRole('alert')).toContainText(`${pipe} is a named pipe (FIFO), not a regular file`);

  await targets.getByLabel('.env file path').fill(link);
  await targets.getByRole('button', { name: 'Add target' }).click();
  const confirm = targets.getByRole('group', { name: 'Confirm the link' });
  await expect(confirm).toContainText(`${link} is a link to ${real}: the key will be written to ${real}`);
  await expect(targets.getByRole('listitem')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Write through the link' }).click();
  await expect(targets.getByRole('listitem')).toContainText(`XORA_API_KEY in ${link} (a link to ${real})`);
  await expect(confirm).toHaveCount(0);
});

test('swap targets: a .env file that does not exist yet is created only once confirmed', async ({ page, keyturn }) => {
  await keyturn.seed(async (core) => {
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
    await core.vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret: sampleKeys.xora() });
  });
  const env = join(keyturn.home, '.env');
  await keyturn.launch();
  await page.getByRole('grid', { name: 'Keys' }).getByRole('row', { name: 'api in xora/acme/main' }).click();
  const targets = page.getByRole('region', { name: 'Swap targets' });
  await targets.getByLabel('.env file path').fill(env);
  await targets.getByLabel('Variable').fill('XORA_API_KEY');
  await targets.getByRole('button', { name: 'Add target' }).click();
  const confirm = targets.getByRole('group', { name: 'Create the file' });
  await expect(confirm).toContainText(`${env} does not exist. Create it, readable by you only, with an empty XORA_API_KEY= line for the key?`);
  await expect(targets.getByRole('listitem')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Create the file' }).click();
  await expect(targets.getByRole('listitem')).toContainText(`XORA_API_KEY in ${env}`);
  expect(readFileSync(env, 'utf8')).toBe('XORA_API_KEY=\n');
  expect(statSync(env).mode & 0o777).toBe(0o600);
});
