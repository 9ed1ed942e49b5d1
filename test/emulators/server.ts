// The HTTP plumbing shared by every emulator: requests in, replies out, routing by pattern,
// and a listener whose close() never waits on a client.
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A reply as data, so faults can replace or withhold it after the handler ran. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A provider's API on one server. `identify` must have no side effects: it runs even when a fault answers. */
export interface ProviderApp {
  handle(req: ApiRequest): Reply | Promise<Reply>;
  identify(req: ApiRequest): string | null;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function noContent(): Reply {
  return { status: 204, headers: {}, body: '' };
}

export const statusText = (status: number): string => STATUS_CODES[status] ?? 'Unknown';

/** First value of a header; Node already lower-cases names and trims surrounding spaces/tabs. */
export function header(req: ApiRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The credential of `Authorization: Bearer <token>` (scheme case-insensitive), else undefined. */
export function bearer(req: ApiRequest): string | undefined {
  const auth = header(req, 'authorization');
  const match = auth === undefined ? null : /^Bearer +(.*)$/is.exec(auth);
  return match ? (match[1] ?? '') : undefined;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(body: Buffer): JsonBody {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Params of `pattern` (`/api/keys/:id/rotate`) in `path`, or null when it does not match. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = got[i] ?? '';
    if (part.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

export type RouteMatch<R> = { route: R; params: Record<string, string> } | 'method-not-allowed' | null;

/** The route for this method and path; 'method-not-allowed' when only the method is wrong. */
export function findRoute<R extends { method: string; path: string }>(routes: readonly R[], method: string, path: string): RouteMatch<R> {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchRoute(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? 'method-not-allowed' : null;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function toApiRequest(req: IncomingMessage, body: Buffer): ApiRequest {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  return { method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, headers: req.headers, body };
}

/** False when the client is gone; writing then would only raise errors nobody reads. */
export function send(res: ServerResponse, reply: Reply): boolean {
  if (res.destroyed || res.writableEnded || res.socket?.destroyed) return false;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
  return true;
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host = '127.0.0.1',
): Promise<Listener> {
  const sockets = new Set<Socket>();
  const server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung and keep-alive connections would otherwise hold close() open forever.
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
