// The desktop entry point, through the recording stand-in for `electron`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type * as StandInModule from '../../support/electron-stand-in.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));

// What main sees as `electron` is the mock; the test reads the same instance through the same name.
type StandIn = typeof StandInModule;

let home: string;
beforeEach(() => {
  vi.resetModules();
  home = mkdtempSync(join(tmpdir(), 'keyturn-entry-'));
  vi.stubEnv('KEYTURN_HOME', home);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

it('registers the app scheme as privileged before the app is ready, then opens one window', async () => {
  const { app, recorded } = (await import('electron')) as unknown as StandIn;
  recorded.badgeCount = null;
  const ready = vi.spyOn(app, 'whenReady');
  await import('../../../electron/main/main.js');
  expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  expect(ready).toHaveBeenCalled();
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  // The launch's reminder check has run to its end (it sets the badge last) before the home goes away.
  await vi.waitFor(() => expect(recorded.badgeCount).toBe(0));
});

it('never opens the vault twice: a second instance quits without a window', async () => {
  const { app, recorded } = (await import('electron')) as unknown as StandIn;
  recorded.windows.length = 0;
  vi.spyOn(app, 'requestSingleInstanceLock').mockReturnValue(false);
  await import('../../../electron/main/main.js');
  expect(app.quitCalled).toBe(true);
  expect(recorded.windows).toHaveLength(0);
});

it('a start-up that fails says why in words, not by the problem code, and exits without a window', async () => {
  const { app, recorded } = (await import('electron')) as unknown as StandIn;
  recorded.windows.length = 0;
  app.quitCalled = false;
  vi.spyOn(app, 'requestSingleInstanceLock').mockReturnValue(true);
  writeFileSync(join(home, 'vault-id.json'), '{"vaultId": "abc", oops');
  const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../../electron/main/main.js');
  await vi.waitFor(() => expect(app.quitCalled).toBe(true));
  expect(printed).toHaveBeenCalledWith(`Keyturn could not start: the vault id file ${join(home, 'vault-id.json')} is damaged (it is not JSON): a new id would hide every secret this vault stored, so Keyturn stops here. Your secrets are in the OS keychain under keyturn:<id>: restore it with the command-line tool ("keyturn vault recover-id"; the README's "Vault id" section says how), then start Keyturn again.`);
  expect(recorded.windows).toHaveLength(0);
  printed.mockRestore();
});
