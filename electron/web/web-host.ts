import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchCall, isCallName } from '../app/call-dispatch.js';
import { SECURITY_HEADERS } from '../app/content-security-policy.js';
import { readRendererFile } from '../app/renderer-files.js';
import type { Handlers } from '../contract/contract.js';
import type { EventName } from '../contract/names.js';
import { checkOrigin, checkSession, randomToken, sameToken, SESSION_COOKIE } from './gate.js';

const MAX_BODY = 1024 * 1024;
/**
 * Past the limit the rest of a body is read and dropped, so the 413 reaches the client before
 * the connection closes (closing on unread data makes the kernel answer with a reset). Beyond
 * this much more, the connection is cut.
 */
const MAX_DRAINED = 8 * MAX_BODY;

/**
 * How long a connection may take, all on loopback from the app's own page: the request headers,
 * the whole request, and an idle keep-alive. Node's defaults (60 s, 300 s) let a slow client hold
 * sockets for minutes. The event stream is a response, so no request timeout ever cuts it.
 */
export interface WebHostTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
  /** How often Node checks the two request timeouts (its default is 30 s, far coarser than they are). */
  checkEveryMs: number;
}

export const WEB_HOST_TIMEOUTS: WebHostTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

export interface WebHost {
  /** The URL to open: it carries the one-time launch token. */
  launchUrl: string;
  port: number;
  emit(event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer and the contract on 127.0.0.1 only, behind a one-time launch token
 * exchanged for an HttpOnly, SameSite=Strict session cookie. How the app runs where the Electron
 * binary cannot, and how end-to-end tests drive the real core in Chromium.
 */
export async function startWebHost(options: { handlers: Handlers; rendererDir: string; port?: number; onEventStream?: () => void; timeouts?: WebHostTimeouts }): Promise<WebHost> {
  let launchToken: string | null = randomToken();
  let sessionId: string | null = null;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const send = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', ...extra });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A path that is not valid percent-encoding names nothing: bad input, not a host failure.
    if (!decodable(url.pathname)) return send(res, 400, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: 'the path is not valid percent-encoding' } } });
    // The launch: the token in the URL is exchanged, once, for the session cookie.
    const foreign = checkOrigin(req, port);
    if (foreign) return send(res, foreign.status, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: foreign.reason } } });
    const offered = url.searchParams.get('launch');
    if (req.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (launchToken === null || !sameToken(offered, launchToken)) return send(res, 401, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: 'this launch link was used already or is wrong: restart Keyturn for a new one' } } });
      launchToken = null;
      sessionId = randomToken();
      res.writeHead(303, { ...SECURITY_HEADERS, location: '/', 'set-cookie': `${SESSION_COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/` });
      return void res.end();
    }
    const noSession = checkSession(req, sessionId);
    if (noSession) return send(res, noSession.status, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: noSession.reason } } });

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      options.onEventStream?.();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice('/api/'.length);
      if (req.method !== 'POST' || !isCallName(name)) return send(res, 404, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: `no call ${name}` } } });
      // JSON only: a form post from another page cannot send it without a preflight.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: 'send application/json' } } });
      const body = await readBody(req);
      // The whole body was read (and dropped): the connection closes cleanly after this answer.
      if (body === null) return send(res, 413, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: 'request too large' } } }, { connection: 'close' });
      let args: unknown;
      try {
        args = body === '' ? {} : JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: 'the request body is not JSON' } } });
      }
      const { status, reply } = await dispatchCall(options.handlers, name, args);
      return send(res, status, reply);
    }
    if (req.method !== 'GET') return send(res, 405, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: 'method not allowed' } } });
    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, { ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: 'not found' } } });
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.type });
    res.end(file.body);
  };

  const timeouts = options.timeouts ?? WEB_HOST_TIMEOUTS;
  const server = createServer({ connectionsCheckingInterval: timeouts.checkEveryMs }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { kind: 'failure', problem: { code: 'host.failed' } } });
    });
  });
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: never reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    launchUrl: `http://127.0.0.1:${port}/?launch=${launchToken}`,
    port,
    emit(event, payload) {
      for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The body, or null when it is over the limit (read to its end all the same, up to MAX_DRAINED). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > MAX_BODY + MAX_DRAINED) req.destroy();
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    // Cut (by us past MAX_DRAINED, or by the client): nobody is left to answer.
    req.on('close', () => resolve(null));
    req.on('error', reject);
  });
}
