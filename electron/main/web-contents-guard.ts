import type { Session, WebContents } from 'electron';

/**
 * Every web contents the app ever creates: no navigation away from the app, no new windows (a
 * dashboard link goes to the system browser, if it is one), no <webview>.
 */
export function guardWebContents(contents: WebContents, openDashboard: (url: string) => void): void {
  // The renderer is one page: any navigation (a dropped file, a link, a script) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openDashboard(url);
    return { action: 'deny' };
  });
}

/** Camera, microphone, notifications from the page, geolocation…: the renderer needs none, so all are refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
