import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'keyturn_session';

/** At least 128 random bits; 256 here. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who may talk to browser mode: the loopback name and port only (a foreign Host is DNS
 * rebinding), and no foreign Origin or cross-site fetch (CSRF).
 */
export function checkOrigin(req: IncomingMessage, port: number): { status: 403; reason: string } | null {
  const allowed = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  if (!allowed.has(`http://${req.headers.host ?? ''}`)) return { status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.has(origin)) return { status: 403, reason: 'foreign Origin' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, reason: 'cross-site request' };
  return null;
}

/** The session cookie the one-time launch token was exchanged for. */
export function checkSession(req: IncomingMessage, sessionId: string | null): { status: 401; reason: string } | null {
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!sessionId || !cookie || !sameToken(cookie, sessionId)) return { status: 401, reason: 'no session: open the URL Keyturn printed when it started' };
  return null;
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
