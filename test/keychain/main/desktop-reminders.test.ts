// Reminders in the desktop app: OS notifications from main, a badge count, a click that opens the
// rotation wizard, and a check when the machine wakes. Through the stand-in for `electron`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { openAppCore } from '../../../electron/app/app-core.js';
import { channelOf } from '../../../electron/contract/names.js';
import type * as StandInModule from '../../support/electron-stand-in.js';
import { sampleKeys } from '../../support/keys.js';
import { privateKeychain } from '../../support/private-keychain.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));
type StandIn = typeof StandInModule;
const { recorded, powerMonitor } = (await import('electron')) as unknown as StandIn;
const { startDesktop } = await import('../../../electron/main/desktop.js');

const root = mkdtempSync(join(tmpdir(), 'keyturn-desktop-reminders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('turns a due key into an OS notification with a badge and tray count; clicking it opens that key’s rotation', async () => {
  const home = join(root, 'home');
  const clock = { at: new Date('2026-02-20T09:00:00Z'), now() { return this.at; } };
  const seeding = openAppCore(home, { name: 'the seed', secrets: privateKeychain(), clock });
  await seeding.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
  await seeding.vault.addKey({ instanceRef: 'nora/acme/live', name: 'backend', secret: sampleKeys.nora('production'), expiresOn: '2026-03-01' });
  await seeding.close();

  const desktop = await startDesktop({ home, secrets: privateKeychain(), clock });
  await vi.waitFor(() => expect(recorded.notifications).toHaveLength(1));
  const [notification] = recorded.notifications;
  expect(notification?.options.title).toBe('nora/acme/live/backend expires in 9 days');
  expect(notification?.shown).toBe(true);
  expect(recorded.badgeCount).toBe(1);
  expect(recorded.trays.at(-1)?.toolTip).toBe('Keyturn — 1 key needs attention');
  expect(recorded.trays.at(-1)?.image.path).toBe(join(process.cwd(), 'dist', 'electron', 'tray.png'));

  const window = recorded.windows.at(-1);
  notification?.emit('click');
  expect(window?.webContents.sent.at(-1)).toEqual({ channel: channelOf('rotation.open'), payload: { ref: 'nora/acme/live/backend' } });

  // The machine sleeps past the 7-day threshold; on waking, exactly one more reminder.
  clock.at = new Date('2026-02-23T09:00:00Z');
  powerMonitor.emit('resume');
  await vi.waitFor(() => expect(recorded.notifications).toHaveLength(2));
  expect(recorded.notifications[1]?.options.title).toBe('nora/acme/live/backend expires in 6 days');
  // Waking again the same day: the check runs to its end (the badge is set last) and shows nothing new.
  recorded.badgeCount = null;
  powerMonitor.emit('resume');
  await vi.waitFor(() => expect(recorded.badgeCount).toBe(1));
  expect(recorded.notifications).toHaveLength(2);
  await desktop.close();
});
