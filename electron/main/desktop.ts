import { join } from 'node:path';
import { app, clipboard, dialog, Menu, powerMonitor, session, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { openAppCore, type AppCore } from '../app/app-core.js';
import { guardedCopy } from '../app/clipboard-guard.js';
import { isDashboardUrl } from '../app/dashboard-allowlist.js';
import { CLIPBOARD_SECONDS, createHandlers } from '../app/handlers.js';
import { startSchedules } from '../app/schedules.js';
import type { EventPayloads } from '../contract/contract.js';
import { channelOf, type EventName } from '../contract/names.js';
import { KeytarSecretStore } from '../core/node/keychain/keytar-secret-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { SecretStore } from '../core/ports/secret-store.js';
import { resolveHome } from '../core/node/store/home.js';
import { isAppUrl, serveRenderer } from './app-protocol.js';
import { registerContract } from './ipc.js';
import { buildMenu } from './menu.js';
import { osNotifier } from './os-notifier.js';
import { shellFailureText } from './shell-failure-text.js';
import { createTray } from './tray.js';
import { createMainWindow } from './window.js';
import { denyPermissions, guardWebContents } from './web-contents-guard.js';

export interface DesktopOptions {
  /** The vault home; otherwise KEYTURN_HOME or the OS's per-user app-data folder, as for the CLI. */
  home?: string;
  secrets?: SecretStore;
  clock?: Clock;
}

export interface Desktop {
  core: AppCore;
  window(): BrowserWindow | null;
  /** Stops the background checks (waiting for one under way) and closes the core. */
  close(): Promise<void>;
}

/**
 * The composition root of the desktop app: the real core, the contract over IPC, one hardened
 * window. Everything the window may do goes through the contract; everything else is refused.
 */
export async function startDesktop(options: DesktopOptions = {}): Promise<Desktop> {
  await app.whenReady();
  const appPath = app.getAppPath();
  let window: BrowserWindow | null = null;

  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => window?.webContents.send(channelOf(event), payload);
  const focus = () => {
    if (!window) return open();
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  const emergencyRevoke = () => {
    focus();
    emit('emergency.open', {});
  };
  const tray = createTray(join(appPath, 'dist', 'electron', 'tray.png'), { open: focus, emergencyRevoke });
  const notifier = osNotifier(
    (ref) => {
      focus();
      emit('rotation.open', { ref });
    },
    (count) => tray.setAttention(count),
  );
  const core = openAppCore(resolveHome(options.home, process.env), { name: 'the desktop app', secrets: options.secrets ?? new KeytarSecretStore(), notifier, ...(options.clock ? { clock: options.clock } : {}) });
  const openDashboard = async (url: string): Promise<boolean> => {
    if (!isDashboardUrl(core.vault.read(), url)) return false;
    await shell.openExternal(url);
    return true;
  };
  const handlers = createHandlers(core, {
    copy: guardedCopy(clipboard, CLIPBOARD_SECONDS),
    openExternal: openDashboard,
    pickPath: async (kind) => {
      const properties: ('openFile' | 'openDirectory' | 'showHiddenFiles')[] = kind === 'folder' ? ['openDirectory'] : ['openFile', 'showHiddenFiles'];
      const picked = window ? await dialog.showOpenDialog(window, { properties }) : await dialog.showOpenDialog({ properties });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    emit,
  });

  // Order matters: every web contents is guarded from its creation, before the window exists.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void openDashboard(url)));
  denyPermissions(session.defaultSession);
  serveRenderer(join(appPath, 'dist', 'renderer'));
  registerContract(handlers, (event) => window !== null && isFromWindow(event, window));
  Menu.setApplicationMenu(buildMenu({ emergencyRevoke, isMac: process.platform === 'darwin' }));

  function open(): void {
    window = createMainWindow({ preload: join(appPath, 'dist', 'electron', 'preload.js'), devTools: !app.isPackaged });
    window.on('closed', () => {
      window = null;
    });
  }
  open();
  app.on('second-instance', focus);
  // Reminders at launch, hourly and when the machine wakes (a sleep may have crossed a threshold).
  const schedules = startSchedules(core, core.reminders, (error) => console.error(`Keyturn: a scheduled check failed: ${shellFailureText(error)}`));
  powerMonitor.on('resume', () => void schedules.resume());
  app.on('activate', () => {
    if (!window) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  const close = async () => {
    await schedules.stop();
    await core.close();
  };
  // Electron does not wait for a listener's promise: the quit is held until the core has closed
  // (rotations stopped where they wait for the person, their locks released, the audit head
  // written), for QUIT_GRACE_MS at most, then let through.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void Promise.race([close(), graceOver()])
      .catch((error: unknown) => console.error(`Keyturn: closing failed: ${shellFailureText(error)}`))
      .finally(() => app.quit());
  });
  return { core, window: () => window, close };
}

/** How long a quit waits for the core to close before it goes ahead (a revoke's proof may be polling). */
const QUIT_GRACE_MS = 5_000;

function graceOver(): Promise<void> {
  return new Promise((done) => setTimeout(done, QUIT_GRACE_MS).unref());
}

/** A call counts only from the app's own page in its top frame, in the one window Keyturn opened. */
export function isFromWindow(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return event.sender === window.webContents && frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}
