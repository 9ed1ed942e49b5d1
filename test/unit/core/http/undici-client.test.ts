import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpFailure, type HttpClient } from '../../../../electron/core/http/types.js';
import { createHttpClient, type HttpClientOptions } from '../../../../electron/core/node/http/undici-client.js';
import { reply, startServer, type Handler, type TestServer } from './test-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(handler: Handler): Promise<TestServer> {
  const s = await startServer(handler);
  cleanups.push(() => s.close());
  return s;
}

function client(options?: HttpClientOptions): HttpClient {
  const c = createHttpClient(options);
  // Servers close first (LIFO), so a graceful close never waits on a hanging request.
  cleanups.unshift(() => c.close());
  return c;
}

/** Records every backoff wait instead of waiting. */
function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

async function failureOf(p: Promise<unknown>): Promise<HttpFailure> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(HttpFailure);
    return err as HttpFailure;
  }
  throw new Error('expected the request to fail');
}

describe('retries', () => {
  it('retries a GET on 429 after the Retry-After delay and counts attempts', async () => {
    const s = await server((_req, res, n) =>
      n === 1 ? reply(res, 429, '{"error":"slow down"}', { 'retry-after': '1' }) : reply(res, 200, '{"ok":true}'),
    );
    const http = client();
    const started = performance.now();
    const res = await http.request({ method: 'GET', url: `${s.url}/v1/keys` });
    const elapsed = performance.now() - started;

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(res.attempts).toBe(2);
    expect(s.seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
    expect(res.elapsedMs).toBeGreaterThanOrEqual(950);
    const [first, second] = s.seen;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After given as an HTTP date on 503', async () => {
    const s = await server((_req, res, n) =>
      n === 1 ? reply(res, 503, '', { 'retry-after': new Date(Date.now() + 3000).toUTCString() }) : reply(res, 200, '{}'),
    );
    const { waits, sleep } = recordingSleep();
    const res = await client({ sleep }).request({ method: 'GET', url: s.url });
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(2);
    expect(waits).toHaveLength(1);
    // HTTP dates have one-second resolution.
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
  });

  it('does not retry a POST on 503: the server sees exactly one request', async () => {
    const s = await server((_req, res) => reply(res, 503, '{"error":"unavailable"}'));
    const { waits, sleep } = recordingSleep();
    const res = await client({ sleep }).request({ method: 'POST', url: s.url, json: { name: 'k' } });
    expect(res.status).toBe(503);
    expect(res.attempts).toBe(1);
    expect(s.seen).toHaveLength(1);
    expect(s.seen[0]!.body).toBe('{"name":"k"}');
    expect(s.seen[0]!.headers['content-type']).toBe('application/json');
    expect(waits).toEqual([]);
  });

  it('retries a POST the caller marks idempotent', async () => {
    const s = await server((_req, res, n) => (n === 1 ? reply(res, 503, '') : reply(res, 201, '{"id":1}')));
    const { sleep } = recordingSleep();
    const res = await client({ sleep }).request({ method: 'POST', url: s.url, json: {}, idempotent: true });
    expect(res.status).toBe(201);
    expect(s.seen).toHaveLength(2);
  });

  it('stops after maxRetries with exponential jittered backoff and returns the final 503 and its body', async () => {
    const s = await server((_req, res) => reply(res, 503, 'still down', { 'content-type': 'text/plain' }));
    const { waits, sleep } = recordingSleep();
    const http = client({ sleep, random: () => 0.5, maxRetries: 3, baseDelayMs: 200, maxDelayMs: 600 });
    const res = await http.request({ method: 'GET', url: s.url });
    expect(res.status).toBe(503);
    expect(res.text).toBe('still down');
    expect(res.json).toBeUndefined();
    expect(res.attempts).toBe(4);
    expect(s.seen).toHaveLength(4);
    // Steps 200, 400, 800→capped 600; equal jitter with random 0.5 gives 3/4 of each step.
    expect(waits).toEqual([150, 300, 450]);
  });

  it('does not retry when Retry-After is above maxRetryAfterMs, and returns the response', async () => {
    const s = await server((_req, res) => reply(res, 429, '{"error":"quota"}', { 'retry-after': '120' }));
    const { waits, sleep } = recordingSleep();
    const res = await client({ sleep }).request({ method: 'GET', url: s.url });
    expect(res.status).toBe(429);
    expect(res.json).toEqual({ error: 'quota' });
    expect(res.headers['retry-after']).toBe('120');
    expect(res.attempts).toBe(1);
    expect(s.seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not retry other 4xx statuses', async () => {
    const s = await server((_req, res) => reply(res, 401, '{"error":"bad key"}'));
    const res = await client().request({ method: 'GET', url: s.url });
    expect(res.status).toBe(401);
    expect(s.seen).toHaveLength(1);
  });

  it('retries a GET after a connection reset', async () => {
    const s = await server((req, res, n) => (n <= 2 ? req.socket.resetAndDestroy() : reply(res, 200, '{"ok":1}')));
    const { waits, sleep } = recordingSleep();
    const res = await client({ sleep }).request({ method: 'GET', url: s.url });
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(3);
    expect(s.seen).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('does not retry a POST after a connection reset', async () => {
    const s = await server((req) => req.socket.resetAndDestroy());
    const err = await failureOf(client().request({ method: 'POST', url: s.url, json: {} }));
    expect(err.kind).toBe('network');
    expect(err.attempts).toBe(1);
    expect(s.seen).toHaveLength(1);
  });

  it('names the host and attempt count when resets persist', async () => {
    const s = await server((req) => req.socket.resetAndDestroy());
    const { sleep } = recordingSleep();
    const err = await failureOf(client({ sleep }).request({ method: 'GET', url: s.url }));
    expect(err.kind).toBe('network');
    expect(err.code).toBe('ECONNRESET');
    expect(err.message).toBe(`connection reset by ${s.host} after 4 attempts`);
    expect(s.seen).toHaveLength(4);
  });
});

describe('per-host concurrency cap', () => {
  /**
   * The server holds requests until `cap` are open at once, then gives an over-cap client a short
   * window to show a further request before answering the batch. The outcome is never waited for
   * by sleeping: the test awaits the client's own promises.
   */
  async function maxInFlight(cap: number, total: number): Promise<{ max: number; connections: number }> {
    let inFlight = 0;
    let max = 0;
    let held: (() => void)[] = [];
    let scheduled = false;
    const s = await server((_req, res, n) => {
      inFlight += 1;
      max = Math.max(max, inFlight);
      held.push(() => {
        inFlight -= 1;
        reply(res, 200, '{}');
      });
      if ((held.length >= cap || n === total) && !scheduled) {
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          const batch = held;
          held = [];
          for (const release of batch) release();
        }, 25);
      }
    });
    const http = client({ maxConnectionsPerHost: cap });
    const results = await Promise.all(Array.from({ length: total }, (_, i) => http.request({ method: 'GET', url: `${s.url}/${i}` })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(s.seen).toHaveLength(total);
    return { max, connections: s.connections };
  }

  it('never has more than maxConnectionsPerHost requests in flight to one origin', async () => {
    const { max, connections } = await maxInFlight(4, 30);
    expect(max).toBe(4);
    expect(connections).toBeLessThanOrEqual(4);
  });

  it('the harness sees a higher cap when one is configured (control)', async () => {
    const { max } = await maxInFlight(8, 30);
    expect(max).toBe(8);
  });
});

describe('timeouts', () => {
  it('fails with timeout within the bound when the server never answers, retrying a GET', async () => {
    const s = await server(() => undefined);
    const { sleep } = recordingSleep();
    const http = client({ headersTimeoutMs: 300, maxRetries: 1, sleep });
    const started = performance.now();
    const err = await failureOf(http.request({ method: 'GET', url: s.url }));
    const elapsed = performance.now() - started;
    expect(err.kind).toBe('timeout');
    expect(err.attempts).toBe(2);
    expect(err.message).toBe(`timed out after 300 ms waiting for ${s.host} after 2 attempts`);
    expect(s.seen).toHaveLength(2);
    // undici runs header/body timers on a ~0.5 s tick, so each may fire up to ~1 s late.
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(2 * (300 + 1000) + 500);
  });

  it('bounds a whole attempt with totalTimeoutMs even while body bytes trickle in', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    });
    const http = client({ totalTimeoutMs: 300, maxRetries: 0 });
    const started = performance.now();
    const err = await failureOf(http.request({ method: 'GET', url: s.url }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(`timed out after 300 ms waiting for ${s.host} to finish responding`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('bodies', () => {
  it('fails with too-large on a streamed body over the limit, and frees the connection', async () => {
    const s = await server((req, res, n) => {
      if (n > 1) return reply(res, 200, '{"after":true}');
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) {
          /* keep writing until the client stops reading */
        }
        if (!res.destroyed) res.once('drain', pump);
      };
      req.socket.on('error', () => undefined);
      pump();
    });
    const http = client({ maxConnectionsPerHost: 1 });
    const err = await failureOf(http.request({ method: 'GET', url: s.url }));
    expect(err.kind).toBe('too-large');
    expect(err.message).toBe(`response from ${s.host} is larger than 1048576 bytes`);
    expect(err.attempts).toBe(1);
    // With one connection per host, this only completes if the first socket was released.
    const next = await http.request({ method: 'GET', url: s.url });
    expect(next.json).toEqual({ after: true });
  });

  it('fails with too-large up front when Content-Length exceeds the limit', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.end(Buffer.alloc(5000, 'y'));
    });
    const err = await failureOf(client({ maxResponseBytes: 1000 }).request({ method: 'GET', url: s.url }));
    expect(err.kind).toBe('too-large');
  });

  it('gives json: undefined and the text for a non-JSON body', async () => {
    const s = await server((_req, res) => reply(res, 200, '<html>not json</html>', { 'content-type': 'text/html' }));
    const res = await client().request({ method: 'GET', url: s.url });
    expect(res.status).toBe(200);
    expect(res.text).toBe('<html>not json</html>');
    expect(res.json).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/html');
  });

  it('parses a JSON body and sends the caller headers', async () => {
    const s = await server((_req, res) => reply(res, 200, '{"keys":[1,2]}'));
    const res = await client().request({ method: 'GET', url: `${s.url}/v1?x=1`, headers: { 'x-api-key': 'k' } });
    expect(res.json).toEqual({ keys: [1, 2] });
    expect(s.seen[0]!.url).toBe('/v1?x=1');
    expect(s.seen[0]!.headers['x-api-key']).toBe('k');
  });

  it('gives json: undefined for an empty body', async () => {
    const s = await server((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const res = await client().request({ method: 'DELETE', url: s.url });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.json).toBeUndefined();
  });
});

describe('refusals and aborts', () => {
  it('refuses non-http(s) URLs with an HttpFailure naming the scheme', async () => {
    const err = await failureOf(client().request({ method: 'GET', url: 'file:///etc/passwd' }));
    expect(err.kind).toBe('network');
    expect(err.attempts).toBe(0);
    expect(err.message).toContain('"file:"');
    expect(err.message).toContain('only http: and https:');
  });

  it('refuses an invalid URL without echoing it', async () => {
    const err = await failureOf(client().request({ method: 'GET', url: 'not a url sk-SECRET' }));
    expect(err.kind).toBe('network');
    expect(err.message).not.toContain('SECRET');
  });

  it('rejects with aborted when the caller aborts, without retrying', async () => {
    const s = await server(() => undefined);
    const controller = new AbortController();
    const pending = client().request({ method: 'GET', url: s.url, signal: controller.signal });
    await s.received(1);
    controller.abort();
    const err = await failureOf(pending);
    expect(err.kind).toBe('aborted');
    expect(err.attempts).toBe(1);
    expect(s.seen).toHaveLength(1);
  });

  it('an abort during a retry wait ends the wait', async () => {
    const s = await server((_req, res) => reply(res, 503, '', { 'retry-after': '20' }));
    const controller = new AbortController();
    const pending = client().request({ method: 'GET', url: s.url, signal: controller.signal });
    await s.received(1);
    controller.abort();
    const err = await failureOf(pending);
    expect(err.kind).toBe('aborted');
    expect(s.seen).toHaveLength(1);
  });

  it('refuses requests after close()', async () => {
    const http = createHttpClient();
    await http.close();
    const err = await failureOf(http.request({ method: 'GET', url: 'http://127.0.0.1:9/' }));
    expect(err.kind).toBe('aborted');
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => createHttpClient({ maxConnectionsPerHost: 0 })).toThrow(/maxConnectionsPerHost/);
    expect(() => createHttpClient({ maxRetries: 1.5 })).toThrow(/maxRetries/);
  });
});

describe('security gate', () => {
  const SECRET = 'sk-live-9f8e7d6c5b4a-DO-NOT-LEAK';

  function assertNoSecret(err: HttpFailure): void {
    for (const rendered of [err.message, String(err), JSON.stringify(err), inspect(err, { depth: 5 }), err.stack ?? '']) {
      expect(rendered).not.toContain(SECRET);
      expect(rendered).not.toContain('DO-NOT-LEAK');
    }
  }

  it("an error message never contains the request's headers", async () => {
    const resetting = await server((req) => req.socket.resetAndDestroy());
    const hanging = await server(() => undefined);
    const { sleep } = recordingSleep();
    const http = client({ headersTimeoutMs: 200, maxRetries: 1, sleep });
    const request = (url: string, method: 'GET' | 'POST') =>
      http.request({
        method,
        url: `${url}/v1/keys?api_key=${SECRET}`,
        headers: { Authorization: `Bearer ${SECRET}`, 'x-api-key': SECRET },
        json: method === 'POST' ? { secret: SECRET } : undefined,
      });

    const failures = [
      await failureOf(request(resetting.url, 'GET')),
      await failureOf(request(resetting.url, 'POST')),
      await failureOf(request(hanging.url, 'GET')),
      await failureOf(request(hanging.url, 'POST')),
      await failureOf(http.request({ method: 'GET', url: resetting.url, headers: { Authorization: `Bearer ${SECRET}\n` } })),
    ];
    expect(failures.map((f) => f.kind)).toEqual(['network', 'network', 'timeout', 'timeout', 'network']);
    for (const f of failures) assertNoSecret(f);
    // The server really did receive the secret, so its absence above is not vacuous.
    expect(resetting.seen[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
  });
});
