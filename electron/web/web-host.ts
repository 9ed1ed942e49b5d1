import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchCall, isCallName } from '../app/call-dispatch.js';
import { SECURITY_HEADERS } from '../app/content-security-policy.js';
import { readRendererFile } from '../app/renderer-files.js';
import type { Handlers } from '../contract/contract.js';
import type { EventName } from '../contract/names.js';
import { checkOrigin, checkSession, randomToken, sameToken, SESSION_COOKIE } from './gate.js';

const MAX_BODY = 1024 * 1024;

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
export async function startWebHost(options: { handlers: Handlers; rendererDir: string; port?: number; onEventStream?: () => void }): Promise<WebHost> {
  let launchToken: string | null = randomToken();
  let sessionId: string | null = null;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The launch: the token in the URL is exchanged, once, for the session cookie.
    const foreign = checkOrigin(req, port);
    if (foreign) return send(res, foreign.status, { ok: false, error: { kind: 'input', message: foreign.reason } });
    const offered = url.searchParams.get('launch');
    if (req.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (launchToken === null || !sameToken(offered, launchToken)) return send(res, 401, { ok: false, error: { kind: 'input', message: 'this launch link was used already or is wrong: restart Keyturn for a new one' } });
      launchToken = null;
      sessionId = randomToken();
      res.writeHead(303, { ...SECURITY_HEADERS, location: '/', 'set-cookie': `${SESSION_COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/` });
      return void res.end();
    }
    const noSession = checkSession(req, sessionId);
    if (noSession) return send(res, noSession.status, { ok: false, error: { kind: 'input', message: noSession.reason } });

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
      if (req.method !== 'POST' || !isCallName(name)) return send(res, 404, { ok: false, error: { kind: 'input', message: `no call ${name}` } });
      // JSON only: a form post from another page cannot send it without a preflight.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { ok: false, error: { kind: 'input', message: 'send application/json' } });
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false, error: { kind: 'input', message: 'request too large' } });
      let args: unknown;
      try {
        args = body === '' ? {} : JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false, error: { kind: 'input', message: 'the request body is not JSON' } });
      }
      const { status, reply } = await dispatchCall(options.handlers, name, args);
      return send(res, status, reply);
    }
    if (req.method !== 'GET') return send(res, 405, { ok: false, error: { kind: 'input', message: 'method not allowed' } });
    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, { ok: false, error: { kind: 'input', message: 'not found' } });
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.type });
    res.end(file.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { kind: 'failure', message: 'the host failed' } });
    });
  });
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

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
