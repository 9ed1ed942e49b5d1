// The dashboards' HTTP side: plain forms over loopback, guarded as a real dashboard's session
// would be. Any web page the person visits can send a form to 127.0.0.1, so every POST needs the
// dashboard's token and a same-origin Origin; and any host name can be made to resolve to
// 127.0.0.1, so only loopback Host headers are served (no DNS rebinding reads a page).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findRoute, readBody, send, toApiRequest } from '../server.js';
import type { Reply } from '../server.js';
import { refusal } from './html.js';

export interface DashboardRequest {
  method: 'GET' | 'POST';
  path: string;
  query: URLSearchParams;
  /** The submitted form (POST), else empty. */
  form: URLSearchParams;
}

export interface DashboardRoute {
  method: 'GET' | 'POST';
  /** `/app/tokens/:id/delete` */
  path: string;
  run(req: DashboardRequest, params: Record<string, string>): Reply;
}

/** A provider's dashboard: its pages and the token its forms carry. */
export interface DashboardPages {
  /** Where a person lands: the path of the dashboard's home page (`/app`, `/`). */
  home: string;
  /** Whether this path is the dashboard's rather than the API's. */
  owns(path: string): boolean;
  routes: DashboardRoute[];
}

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_FORM_BYTES = 64 * 1024;

/** The secret of a key just created, for the one page that shows it; gone once shown. */
export class ShownOnce<T> {
  readonly #waiting = new Map<string, T>();

  keep(value: T): string {
    const ticket = randomBytes(16).toString('hex');
    this.#waiting.set(ticket, value);
    return ticket;
  }

  take(ticket: string): T | undefined {
    const value = this.#waiting.get(ticket);
    this.#waiting.delete(ticket);
    return value;
  }
}

export const newCsrfToken = (): string => randomBytes(24).toString('base64url');

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostOf(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host || !URL.canParse(`http://${host}`)) return null;
  const url = new URL(`http://${host}`);
  return LOOPBACK_HOSTNAMES.has(url.hostname) ? url.host : null;
}

export async function serveDashboard(pages: DashboardPages, csrf: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  send(res, answer(pages, csrf, req, body));
}

function answer(pages: DashboardPages, csrf: string, req: IncomingMessage, body: Buffer): Reply {
  const host = hostOf(req);
  if (!host) return refusal(421, 'This dashboard answers only on 127.0.0.1 or localhost.');
  const api = toApiRequest(req, Buffer.alloc(0));
  if (api.method !== 'GET' && api.method !== 'POST') return refusal(405, `${api.method} is not used by this dashboard.`);
  let form = new URLSearchParams();
  if (api.method === 'POST') {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return refusal(403, 'This form was sent from another site.');
    if (body.length > MAX_FORM_BYTES) return refusal(413, 'This form is too large.');
    form = new URLSearchParams(body.toString('utf8'));
    if (!sameToken(form.get('csrf') ?? '', csrf)) return refusal(403, 'This form has expired or did not come from this dashboard: reload the page and try again.');
  }
  const found = findRoute(pages.routes, api.method, api.path);
  if (found === 'method-not-allowed') return refusal(405, 'Not here.');
  if (!found) return refusal(404, 'No such dashboard page.');
  return found.route.run({ method: api.method, path: api.path, query: api.query, form }, found.params);
}
