import { Menu, type MenuItemConstructorOptions } from 'electron';

export const EMERGENCY_ACCELERATOR = 'CmdOrCtrl+Shift+R';

/**
 * The application menu. Its own items replace Electron's default one, whose View menu binds
 * Ctrl+Shift+R to a reload and offers developer tools. The Edit menu stays: without it, paste
 * (the one thing a rotation needs from the keyboard) does not work on macOS.
 */
export function buildMenu(actions: { emergencyRevoke(): void; isMac: boolean }): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(actions.isMac ? [{ role: 'appMenu' as const }] : [{ label: '&File', submenu: [{ role: 'quit' as const }] }]),
    { role: 'editMenu' },
    {
      label: '&Keys',
      submenu: [{ label: 'Emergency revoke…', accelerator: EMERGENCY_ACCELERATOR, click: () => actions.emergencyRevoke() }],
    },
    { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
