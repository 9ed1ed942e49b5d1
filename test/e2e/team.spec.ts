import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppCore } from '../../electron/app/app-core.js';
import { KeytarSecretStore } from '../../electron/core/node/keychain/keytar-secret-store.js';
import { ensureVaultIdentity } from '../../electron/core/node/store/home.js';
import { initTeam, inviteMember } from '../../electron/core/node/team/pg/admin.js';
import { openTeam } from '../../electron/core/node/team/open-team.js';
import { freshTeamDatabase } from '../support/team-database.js';
import { expect, test, type Keyturn, type Page } from './fixtures.js';
import { blockingViolations } from './support/axe.js';
import { focusRingProblems } from './support/focus-ring.js';

const SHOTS = '/tmp/shots-14';

/**
 * A loopback TCP relay in front of the run's PostgreSQL, for the app's connection only: closed,
 * the team database is unreachable from the app (connection refused) while the server keeps
 * running for everyone else; opened again on the same port, it answers again.
 */
async function relayTo(port: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let listening = 0;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(port, '127.0.0.1');
        for (const end of [client, upstream]) {
          sockets.add(end);
          end.on('close', () => sockets.delete(end));
          end.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(listening, '127.0.0.1', () => {
        listening = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  await open();
  return {
    port: () => listening,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
    open,
  };
}

/** An invitation's URL through the relay, and its password apart (the app's form has a field for it). */
function throughRelay(invitation: string, relayPort: number): { url: string; password: string } {
  const url = new URL(invitation);
  const password = decodeURIComponent(url.password);
  url.password = '';
  url.port = String(relayPort);
  return { url: url.toString(), password };
}

/**
 * A team on a database of its own: ana (this vault, a lead) and bob, who published his vault — one
 * Xora production key swapped into a .env file — from his machine, bob-desktop, through openTeam.
 */
async function teamWithBob(keyturn: Keyturn) {
  const fresh = await freshTeamDatabase('e2e_app');
  const team = `e2e-${fresh.suffix}`;
  await initTeam({ url: fresh.adminUrl, password: '', team });
  const ana = await inviteMember({ url: fresh.adminUrl, password: '', team, member: 'ana', lead: true });
  const bob = await inviteMember({ url: fresh.adminUrl, password: '', team, member: 'bob', lead: false });
  const { xora } = keyturn.emulators;
  const bobsKey = xora.control.createKey({ name: 'worker' });
  const bobHome = mkdtempSync(join(tmpdir(), 'keyturn-e2e-bob-'));
  const env = join(bobHome, 'worker.env');
  writeFileSync(env, `XORA_WORKER_KEY=${bobsKey.secret}\n`);
  const secrets = new KeytarSecretStore();
  const core = openAppCore(bobHome, { name: 'bob’s Keyturn', secrets });
  try {
    await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: xora.baseUrl() });
    await core.vault.addKey({ instanceRef: 'xora/acme/main', name: 'worker', secret: bobsKey.secret });
    await core.vault.addTarget('xora/acme/main/worker', { kind: 'dotenv', file: env, variable: 'XORA_WORKER_KEY' }, bobHome);
    const bobsTeam = openTeam({ home: bobHome, vaultId: ensureVaultIdentity(bobHome), secrets, keychainService: core.keychainService, metadata: core.metadata, clock: core.clock, logger: core.logger, audit: core.audit, machine: 'bob-desktop' });
    await bobsTeam.connect({ url: bob.url, team, member: 'bob' });
    const published = await bobsTeam.sync();
    expect(published.problem).toBeNull();
    await bobsTeam.close();
  } finally {
    await core.close();
  }
  // Ana's own key, in this vault.
  const anasKey = xora.control.createKey({ name: 'api' });
  await keyturn.seed(async (c) => {
    await c.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: xora.baseUrl() });
    await c.vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret: anasKey.secret });
  });
  const serverPort = Number(new URL(fresh.adminUrl).port);
  const relay = await relayTo(serverPort);
  return { team, ana: throughRelay(ana.url, relay.port()), relay, bobsKey, bobEnv: env, cleanup: () => rmSync(bobHome, { recursive: true, force: true }) };
}

/** The screen at 900×600 in the light and the dark theme, for a person to look at. */
async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 900, height: 600 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openTeamSettings(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: /^Settings/ });
  await dialog.getByRole('tab', { name: 'Team' }).click();
  await expect(dialog.getByRole('heading', { name: 'Settings · Team' })).toBeVisible();
  return dialog;
}

test('a member joins the team in Settings → Team, audits every member’s keys, finds the holder of a leaked key, and sees when the team database is offline', async ({ page, keyturn }) => {
  const scene = await teamWithBob(keyturn);
  try {
    await keyturn.launch();
    // Not joined: the Team audit says how to join, in the app's words.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Audit/ }).click();
    const audit = page.getByRole('region', { name: 'Audit' });
    await audit.getByRole('radio', { name: 'Team' }).click();
    await expect(audit.getByTestId('team-audit-not-connected')).toContainText('connect it in Settings → Team');
    await expect(audit).not.toContainText('--');
    await audit.getByRole('button', { name: 'Open Settings → Team' }).click();

    // A wrong password first: said next to the Password field, and nothing changed.
    const dialog = page.getByRole('dialog', { name: 'Settings · Team' });
    const form = dialog.getByRole('form', { name: 'Connect to a team' });
    await form.getByLabel(/Team database URL/).fill(scene.ana.url);
    await form.getByLabel('Team name').fill(scene.team);
    await form.getByLabel(/Member name/).fill('ana');
    await form.getByLabel(/^Password/).fill('not-the-password');
    await form.getByRole('button', { name: 'Connect' }).click();
    await expect(form.getByLabel(/^Password/)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('alert')).toContainText('refused the password of "kt_');
    await expect(form.getByRole('alert')).not.toContainText('not-the-password');
    expect(existsSync(join(keyturn.home, 'team.json'))).toBe(false);
    await shots(page, 'team-settings-wrong-password');

    // The right one: joined, the status says where and as whom; the password is nowhere on the page or in team.json.
    await form.getByLabel(/^Password/).fill(scene.ana.password);
    await form.getByRole('button', { name: 'Connect' }).click();
    const status = dialog.getByTestId('team-status');
    await expect(status).toContainText(scene.team);
    await expect(status).toContainText('ana (a lead');
    await expect(dialog.getByTestId('team-reachable')).toHaveText('Yes, it answers');
    await expect(page.locator('body')).not.toContainText(scene.ana.password);
    expect(readFileSync(join(keyturn.home, 'team.json'), 'utf8')).not.toContain(scene.ana.password);
    // The first sync is the background's: this vault's key reaches the team without Sync now.
    await expect(dialog.getByTestId('team-waiting')).toHaveText('Nothing waits: the team has every change of this vault.', { timeout: 15_000 });
    await shots(page, 'team-settings-connected');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The Team audit: every member's keys, with member and machine; filtered by member and environment.
    await audit.getByRole('radio', { name: 'Team' }).click();
    const table = audit.getByRole('table', { name: 'Team audit' });
    const bobsRow = table.getByRole('row').filter({ hasText: 'xora/acme/main/worker' });
    await expect(bobsRow).toContainText('bob');
    await expect(bobsRow).toContainText('bob-desktop');
    await expect(bobsRow).toContainText('PRODUCTION');
    await expect(bobsRow).toContainText('1 place');
    await expect(table.getByRole('row').filter({ hasText: 'xora/acme/main/api' })).toContainText('ana');
    await expect(audit.getByTestId('team-audit-summary')).toContainText('2 vaults — 2 keys');
    await shots(page, 'team-audit');
    await audit.getByLabel('Team member').selectOption('bob');
    await expect(table.getByRole('row').filter({ hasText: 'xora/acme/main/' })).toHaveCount(1);
    await expect(audit.getByTestId('team-audit-summary')).toContainText('1 key');
    await audit.getByLabel('Team audit environment').selectOption('sandbox');
    await expect(table.getByRole('row').filter({ hasText: 'xora/acme/main/' })).toHaveCount(0);
    await audit.getByLabel('Team audit environment').selectOption('all');
    await audit.getByLabel('Team member').selectOption('all');
    await expect(table.getByRole('row').filter({ hasText: 'xora/acme/main/' })).toHaveCount(2);
    // My vault is this vault's own audit, as before.
    await audit.getByRole('radio', { name: 'My vault' }).click();
    await expect(audit.getByTestId('audit-summary')).toContainText('1 key');

    // Emergency revoke, by keyboard only: bob's key, pasted here, is found with its holder.
    await page.keyboard.press('Control+Shift+R');
    const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
    await expect(panel.getByLabel(/Paste the leaked key/)).toBeFocused();
    await page.keyboard.type(`curl -H "Authorization: Bearer ${scene.bobsKey.secret}"`);
    await page.keyboard.press('Control+Enter');
    const match = panel.getByTestId('team-match');
    await expect(match).toContainText('bob’s key, on bob-desktop');
    await expect(match.getByTestId('team-match-holder')).toHaveText('bob');
    await expect(match).toContainText('xora/acme/main/worker');
    await expect(match.getByTestId('team-match-sites')).toContainText(`XORA_WORKER_KEY in ${scene.bobEnv}`);
    await expect(match.getByTestId('team-match-advice')).toContainText('bob must revoke it');
    await expect(panel.getByTestId('leak-match')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Revoke now' })).toHaveCount(0);
    // Masked, as everywhere: what the team holds never shows the key.
    await expect(match).not.toContainText(scene.bobsKey.secret.slice(12));
    await shots(page, 'team-emergency-match');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // The team database goes away: the title bar says so once the app finds out (a check of the connection).
    await expect(page.getByTestId('team-offline')).toHaveCount(0);
    await scene.relay.close();
    const settings = await openTeamSettings(page);
    await settings.getByRole('button', { name: 'Check the connection' }).click();
    await expect(settings.getByTestId('team-reachable')).toContainText('No: The team database at 127.0.0.1');
    await settings.getByRole('button', { name: 'Close' }).click();
    const badge = page.getByRole('banner').getByTestId('team-offline');
    await expect(badge).toContainText('Team offline');
    await shots(page, 'team-offline-badge');
    // It comes back: Sync now delivers, and the badge goes.
    await scene.relay.open();
    await badge.click();
    const back = page.getByRole('dialog', { name: 'Settings · Team' });
    await back.getByRole('button', { name: 'Sync now' }).click();
    await expect(back.getByTestId('team-sync-outcome')).toBeVisible();
    await expect(back.getByTestId('team-reachable')).toHaveText('Yes, it answers');
    await back.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('team-offline')).toHaveCount(0);

    // Disconnect asks first; then this vault leaves the team.
    const leaving = await openTeamSettings(page);
    await leaving.getByRole('button', { name: 'Disconnect…' }).click();
    const confirm = leaving.getByRole('group', { name: 'Disconnect from the team' });
    await expect(confirm.getByRole('button', { name: 'Stay in the team' })).toBeFocused();
    await confirm.getByRole('button', { name: `Disconnect from ${scene.team}` }).click();
    await expect(leaving.getByRole('form', { name: 'Connect to a team' })).toBeVisible();
    expect(existsSync(join(keyturn.home, 'team.json'))).toBe(false);
  } finally {
    await scene.relay.close();
    scene.cleanup();
  }
});

test.describe('the team screens', () => {
  // axe-core is injected as a script; the app's Content-Security-Policy would refuse it.
  test.use({ bypassCSP: true });

  test('no serious or critical axe violation and a focus ring one can see, light and dark, at 900×600', async ({ page, keyturn }) => {
    const scene = await teamWithBob(keyturn);
    try {
      await keyturn.seed(async (core) => {
        await core.team.connect({ url: scene.ana.url, team: scene.team, member: 'ana', password: scene.ana.password });
        await core.team.sync();
      });
      await page.setViewportSize({ width: 900, height: 600 });
      await keyturn.launch();
      const check = async (screen: string) => {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          expect.soft(await blockingViolations(page), `axe, ${screen} (${colorScheme})`).toEqual([]);
          expect.soft(await focusRingProblems(page), `focus rings, ${screen} (${colorScheme})`).toEqual([]);
        }
      };
      const settings = await openTeamSettings(page);
      await expect(settings.getByTestId('team-reachable')).toHaveText('Yes, it answers');
      await check('Settings → Team');
      await page.keyboard.press('Escape');

      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Audit/ }).click();
      const audit = page.getByRole('region', { name: 'Audit' });
      await audit.getByRole('radio', { name: 'Team' }).click();
      await expect(audit.getByRole('table', { name: 'Team audit' }).getByRole('row').filter({ hasText: 'bob-desktop' })).toHaveCount(1);
      await check('the Team audit');

      await page.keyboard.press('Control+Shift+R');
      const panel = page.getByRole('dialog', { name: 'Emergency revoke' });
      await panel.getByLabel(/Paste the leaked key/).fill(scene.bobsKey.secret);
      await panel.getByRole('button', { name: 'Find the key' }).click();
      await expect(panel.getByTestId('team-match')).toBeVisible();
      await check('Emergency revoke, the team’s match');
      await page.keyboard.press('Escape');

      await scene.relay.close();
      await keyturn.launch();
      await expect(page.getByRole('banner').getByTestId('team-offline')).toBeVisible();
      await check('the title bar, team offline');
    } finally {
      await scene.relay.close();
      scene.cleanup();
    }
  });
});
