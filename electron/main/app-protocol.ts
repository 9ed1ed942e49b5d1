import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../app/content-security-policy.js';
import { readRendererFile } from '../app/renderer-files.js';

/** The app's content comes from this scheme only: packaged files, never a remote page. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'keyturn';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: a standard, secure scheme gets an origin and a CSP like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Whether a URL is the app's own content (a frame or a navigation target). */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** A file of the built renderer with the app's security headers; anything else is a 404. */
export async function rendererResponse(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET') return new Response('method not allowed', { status: 405, headers: SECURITY_HEADERS });
  if (!isAppUrl(request.url)) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
  const file = await readRendererFile(rendererDir, new URL(request.url).pathname);
  if (!file) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
  return new Response(new Uint8Array(file.body), { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': file.type } });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
}
