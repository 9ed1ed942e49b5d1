import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol.js';

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

/**
 * Writing text to the clipboard from the app's own page (Copy reference, Copy ref: never a secret,
 * which the host copies itself) is the one permission the page gets. Every other one — camera,
 * microphone, notifications from the page, geolocation, reading the clipboard — is refused, and so
 * is a write asked for from any other origin or from a subframe.
 */
const PAGE_MAY = new Set(['clipboard-sanitized-write']);

function allowed(permission: string, url: string | undefined, isMainFrame: boolean | undefined): boolean {
  return PAGE_MAY.has(permission) && isMainFrame === true && url !== undefined && isAppUrl(url);
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl, details.isMainFrame)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => allowed(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame));
  session.setDevicePermissionHandler(() => false);
}
