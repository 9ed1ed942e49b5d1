// Quitting the desktop app: Electron does not wait for a listener's promise, so main must hold the
// quit until the core has closed. Through the stand-in for `electron`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type * as StandInModule from '../../support/electron-stand-in.js';
import { privateKeychain } from '../../support/private-keychain.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));
type StandIn = typeof StandInModule;
const { app, RecordedEvent } = (await import('electron')) as unknown as StandIn;
const { startDesktop } = await import('../../../electron/main/desktop.js');

const root = mkdtempSync(join(tmpdir(), 'keyturn-desktop-quit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('forbids quitting before the core has closed: the quit is held, then let through once it has', async () => {
  const desktop = await startDesktop({ home: join(root, 'home'), secrets: privateKeychain() });
  const realClose = desktop.core.close.bind(desktop.core);
  let finishClose: () => void = () => undefined;
  const closing = vi.spyOn(desktop.core, 'close').mockImplementation(async () => {
    await new Promise<void>((resolve) => {
      finishClose = resolve;
    });
    await realClose();
  });

  const first = new RecordedEvent();
  app.emit('will-quit', first);
  expect(first.defaultPrevented).toBe(true);
  await vi.waitFor(() => expect(closing).toHaveBeenCalledTimes(1));
  expect(app.quitCalled).toBe(false);

  finishClose();
  await vi.waitFor(() => expect(app.quitCalled).toBe(true));
  // The quit main asked for comes back through will-quit: this time it goes ahead.
  const second = new RecordedEvent();
  app.emit('will-quit', second);
  expect(second.defaultPrevented).toBe(false);
  expect(closing).toHaveBeenCalledTimes(1);
});
