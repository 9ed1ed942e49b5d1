import { Menu, nativeImage, Tray } from 'electron';

export interface AppTray {
  /** The count of keys that need attention, in the tooltip (and beside the icon on macOS). */
  setAttention(count: number): void;
}

/** The tray icon: the attention count at a glance, the window, and Emergency revoke one click away. */
export function createTray(iconPath: string, actions: { open(): void; emergencyRevoke(): void }): AppTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Keyturn', click: () => actions.open() },
      { label: 'Emergency revoke…', click: () => actions.emergencyRevoke() },
      { type: 'separator' },
      { role: 'quit' },
    ]),
  );
  tray.on('click', () => actions.open());
  const setAttention = (count: number) => {
    tray.setToolTip(count > 0 ? `Keyturn — ${count} key${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} attention` : 'Keyturn');
    if (process.platform === 'darwin') tray.setTitle(count > 0 ? String(count) : '');
  };
  setAttention(0);
  return { setAttention };
}
