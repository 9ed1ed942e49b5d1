import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserMode } from '../../../electron/web/browser-mode.js';
import { WEB_HOST_TIMEOUTS } from '../../../electron/web/web-host.js';
import { sampleKeys } from '../../support/keys.js';
import { privateKeychain } from '../../support/private-keychain.js';
import { tempHome } from '../../support/temp-home.js';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A raw TCP client: what it received, and a promise of the socket's close (with whether it was reset). */
function rawClient(port: number): { socket: Socket; received: () => string; closed: Promise<{ reset: boolean; afterMs: number }> } {
  const started = performance.now();
  const socket = connect({ host: '127.0.0.1', port });
  let data = '';
  let reset = false;
  socket.on('data', (c: Buffer) => (data += c.toString('latin1')));
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') reset = true;
  });
  const closed = new Promise<{ reset: boolean; afterMs: number }>((resolve) => socket.on('close', () => resolve({ reset, afterMs: performance.now() - started })));
  return { socket, received: () => data, closed };
}

describe('browser mode host: the gates', () => {
  let close: () => Promise<void>;
  let port: number;
  let launch: string;
  let home: string;

  beforeEach(async () => {
    home = tempHome();
    const renderer = join(home, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Keyturn</title>');
    writeFileSync(join(home, 'outside.txt'), 'not for the browser');
    // Short timeouts so the slow-client tests end quickly; the defaults are checked on their own.
    const started = await startBrowserMode({ home, secrets: privateKeychain(), rendererDir: renderer, timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300, checkEveryMs: 50 } });
    close = started.close;
    port = started.host.port;
    launch = new URL(started.host.launchUrl).search;
  });
  afterEach(async () => {
    await close();
  });

  async function session(): Promise<string> {
    const exchanged = await send(port, `/${launch}`);
    expect(exchanged.status).toBe(303);
    return String(exchanged.headers['set-cookie']).split(';')[0] ?? '';
  }
  const api = (cookie: string, name: string, args: unknown, headers: Record<string, string> = {}) =>
    send(port, `/api/${name}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

  it('listens on 127.0.0.1 only, and the launch token carries at least 128 random bits', () => {
    const token = new URLSearchParams(launch).get('launch') ?? '';
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('the launch token works once, for an HttpOnly SameSite=Strict cookie', async () => {
    const first = await send(port, `/${launch}`);
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/keyturn_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
    expect((await send(port, `/${launch}`)).status).toBe(401);
  });

  it('refuses a request without the session cookie (401)', async () => {
    await session();
    expect((await send(port, '/')).status).toBe(401);
    expect((await send(port, '/api/vault.overview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  it('refuses a foreign Host header (403), even with the cookie: no DNS rebinding', async () => {
    const cookie = await session();
    expect((await send(port, '/', { headers: { host: `evil.example:${port}`, cookie } })).status).toBe(403);
    expect((await send(port, '/', { headers: { host: '127.0.0.1:1', cookie } })).status).toBe(403);
  });

  it('refuses a foreign Origin (403), even with the cookie: no cross-site calls', async () => {
    const cookie = await session();
    expect((await api(cookie, 'vault.overview', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api(cookie, 'vault.overview', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api(cookie, 'vault.overview', {}, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('refuses a form post: calls take JSON only (415)', async () => {
    const cookie = await session();
    const form = await send(port, '/api/key.remove', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'ref=x' });
    expect(form.status).toBe(415);
  });

  it('arguments that fail the contract schema never reach core (400, naming the field)', async () => {
    const cookie = await session();
    const bad = await api(cookie, 'instance.add', { provider: 'nora', org: 'acme', name: 'live', env: 'staging' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'call.invalid-arguments', path: 'env' } } });
    const extra = await api(cookie, 'vault.overview', { everything: true });
    expect(extra.status).toBe(400);
    expect((await api(cookie, 'no.such.call', {})).status).toBe(404);
  });

  it('serves the renderer with the strict CSP, and nothing outside its folder', async () => {
    const cookie = await session();
    const page = await send(port, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect((await send(port, '/../outside.txt', { headers: { cookie } })).status).toBe(404);
    expect((await send(port, '/%2e%2e/outside.txt', { headers: { cookie } })).status).toBe(404);
  });

  it('a path that is not valid percent-encoding is bad input (400), not a host failure', async () => {
    const cookie = await session();
    for (const path of ['/%E0%A4%A', '/%', '/assets/%ZZ.js']) {
      const reply = await send(port, path, { headers: { cookie } });
      expect(reply.status, path).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'host.request-refused', reason: expect.stringMatching(/percent-encoding/) } } });
    }
  });

  it('a body over the limit gets 413, then a clean close (no reset)', async () => {
    const cookie = await session();
    const client = rawClient(port);
    const body = Buffer.alloc(1024 * 1024 + 64 * 1024, 'a');
    client.socket.write(`POST /api/vault.overview HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    client.socket.write(body);
    const { reset } = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(client.received()).toMatch(/\r\nconnection: close\r\n/i);
    expect(client.received()).toContain('request too large');
    expect(reset).toBe(false);
  });

  it('a client that never finishes its headers is cut off after the headers timeout (408)', async () => {
    const client = rawClient(port);
    client.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    const { afterMs } = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(5_000);
  });

  it('a client that never finishes its body is cut off after the request timeout (408)', async () => {
    const cookie = await session();
    const client = rawClient(port);
    client.socket.write(`POST /api/vault.overview HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`);
    const { afterMs } = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(5_000);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const cookie = await session();
    const client = rawClient(port);
    client.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: keep-alive\r\n\r\n`);
    const { reset, afterMs } = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(reset).toBe(false);
    expect(afterMs).toBeLessThan(5_000);
  });

  it('by default the host holds a slow connection for seconds, not minutes', () => {
    expect(WEB_HOST_TIMEOUTS.headersMs).toBeLessThanOrEqual(10_000);
    expect(WEB_HOST_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
    expect(WEB_HOST_TIMEOUTS.keepAliveMs).toBeLessThanOrEqual(5_000);
    expect(WEB_HOST_TIMEOUTS.checkEveryMs).toBeLessThanOrEqual(WEB_HOST_TIMEOUTS.headersMs / 5);
    expect(WEB_HOST_TIMEOUTS.headersMs).toBeLessThan(WEB_HOST_TIMEOUTS.requestMs);
  });

  it('a secret crosses to the page only when a person asks to reveal or copy it', async () => {
    const cookie = await session();
    const secret = sampleKeys.nora('production');
    expect((await api(cookie, 'instance.add', { provider: 'nora', org: 'acme', name: 'live', env: 'production' })).status).toBe(200);
    const added = await api(cookie, 'key.add', { instanceRef: 'nora/acme/live', name: 'backend', secret, verify: false });
    expect(added.status).toBe(200);
    for (const [name, args] of [['vault.overview', {}], ['key.detail', { ref: 'nora/acme/live/backend' }], ['rotation.inProgress', {}], ['emergency.find', { leaked: secret }]] as const) {
      const reply = await api(cookie, name, args);
      expect(reply.status).toBe(200);
      expect(reply.body).not.toContain(secret);
    }
    expect(added.body).not.toContain(secret);
    expect(JSON.parse((await api(cookie, 'key.reveal', { ref: 'nora/acme/live/backend' })).body)).toMatchObject({ ok: true, result: { secret } });
  });
});
