// The emulator's "dashboard" over HTTP, under /_emulator/, for tests and tools that run the
// emulators in another process. Guarded by a per-emulator token: the servers listen on loopback
// only, but other local processes (and browsers) can reach loopback too.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ControlError } from './errors.js';
import { findRoute, json, noContent, parseJson, readBody, send, toApiRequest } from './server.js';
import type { Reply } from './server.js';
import type { CommonControl, EmulatorKey, KeyControl } from './types.js';

export const CONTROL_PREFIX = '/_emulator';
export const TOKEN_HEADER = 'x-emulator-token';

export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to /_emulator, e.g. `/keys/:id/revoke`. */
  path: string;
  /** JSON answered with 200 (201 for `created`); undefined answers 204. */
  run(input: { params: Record<string, string>; body: unknown }): unknown;
  created?: boolean;
}

export function isControlPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

export function commonControlRoutes<O, K extends EmulatorKey>(
  control: KeyControl<O, K> & CommonControl,
  createKeySchema: z.ZodType<O>,
  info: () => unknown,
): ControlRoute[] {
  return [
    { method: 'GET', path: '', run: info },
    { method: 'GET', path: '/keys', run: () => control.keys() },
    { method: 'POST', path: '/keys', created: true, run: ({ body }) => control.createKey(createKeySchema.parse(body)) },
    { method: 'POST', path: '/keys/:id/revoke', run: ({ params }) => control.revokeKey(params.id ?? '') },
    { method: 'POST', path: '/keys/:id/expire', run: ({ params }) => control.expireKey(params.id ?? '') },
    { method: 'GET', path: '/faults', run: () => control.faults() },
    { method: 'POST', path: '/faults', run: ({ body }) => control.setFault(faultBody(body)) },
    { method: 'POST', path: '/faults/add', run: ({ body }) => control.addFault(faultBody(body)) },
    { method: 'DELETE', path: '/faults', run: () => control.clearFaults() },
    { method: 'GET', path: '/requests', run: () => control.requests() },
    { method: 'DELETE', path: '/requests', run: () => control.resetRequests() },
  ];
}

// setFault validates the fault itself; here it only has to be an object to reach it.
const faultBody = (body: unknown) => z.record(z.string(), z.unknown()).parse(body);

export async function serveControl(routes: ControlRoute[], token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const api = toApiRequest(req, await readBody(req));
  send(res, answer(routes, token, api.method, api.path.slice(CONTROL_PREFIX.length), api.headers[TOKEN_HEADER], api.body));
}

function answer(routes: ControlRoute[], token: string, method: string, path: string, given: string | string[] | undefined, raw: Buffer): Reply {
  if (given === undefined) return json(401, { error: `missing ${TOKEN_HEADER} header` });
  if (typeof given !== 'string' || !sameToken(given, token)) return json(403, { error: `wrong ${TOKEN_HEADER}` });

  const found = findRoute(routes, method, path === '/' ? '' : path);
  if (found === 'method-not-allowed') return json(405, { error: `${method} not allowed here` });
  if (!found) return json(404, { error: 'no such control endpoint' });

  let body: unknown;
  if (raw.length > 0) {
    const parsed = parseJson(raw);
    if (!parsed.ok) return json(400, { error: `body is not JSON: ${parsed.error}` });
    body = parsed.value;
  }
  try {
    const result = found.route.run({ params: found.params, body });
    return result === undefined ? noContent() : json(found.route.created ? 201 : 200, result);
  } catch (error) {
    if (error instanceof z.ZodError) return json(400, { error: z.prettifyError(error) });
    if (error instanceof ControlError) return json(error.status, { error: error.message });
    throw error;
  }
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
