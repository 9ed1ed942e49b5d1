import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './index.js';
import type { NexoraEmulator, NoraEmulator, XoraEmulator } from './index.js';
import { call, causeCode, postJson } from './test-client.js';

describe('faults (shared by every emulator)', () => {
  let xora: XoraEmulator;
  let secret: string;
  beforeEach(async () => {
    xora = await startEmulator('xora');
    secret = xora.control.createKey({ name: 'k' }).secret;
  });
  afterEach(() => xora.close());

  const jobs = (init: RequestInit = {}) => call(`${xora.baseUrl()}/jobs`, { ...init, headers: { authorization: `Bearer ${secret}` } });

  it('answers 429 with Retry-After without processing the request', async () => {
    xora.control.setFault({ status: 429, retryAfterSeconds: 7 });
    const answer = await jobs();
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.json()).toMatchObject({ error: { message: 'Too Many Requests' } });
    expect(xora.control.keys()[0]?.lastUsedAt).toBeNull();
    expect(xora.control.requests()[0]).toMatchObject({ status: 429, authKeyId: xora.control.keys()[0]?.id });
  });

  it('answers 503 (with Retry-After), 500 and 502', async () => {
    xora.control.setFault({ status: 503, retryAfterSeconds: 1, times: 1 });
    xora.control.addFault({ status: 500, times: 1 });
    xora.control.addFault({ status: 502, times: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await jobs();
      statuses.push([answer.status, answer.headers.get('retry-after')]);
    }
    expect(statuses).toEqual([[503, '1'], [500, null], [502, null], [200, null]]);
  });

  it('answers 400, 404 and 431 as a gateway in front of the provider would, without processing', async () => {
    xora.control.setFault({ status: 400, times: 1 });
    xora.control.addFault({ status: 404, times: 1 });
    xora.control.addFault({ status: 431, times: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await jobs()).status);
    expect(statuses).toEqual([400, 404, 431, 200]);
    expect(xora.control.requests().map((r) => r.status)).toEqual([400, 404, 431, 200]);
  });

  it('replaces the body with HTML, keeping the status unless one is given', async () => {
    xora.control.setFault({ body: 'html', times: 1 });
    const kept = await jobs();
    expect(kept.status).toBe(200);
    expect(kept.headers.get('content-type')).toMatch(/^text\/html/);
    expect(kept.text).toMatch(/^<!DOCTYPE html>/);
    xora.control.setFault({ body: 'html', status: 502, times: 1 });
    const gateway = await jobs();
    expect(gateway.status).toBe(502);
    expect(gateway.text).toContain('502 Bad Gateway');
  });

  it('sends malformed JSON and empty bodies under a JSON content type', async () => {
    xora.control.setFault({ body: 'malformed-json', times: 1 });
    const malformed = await jobs();
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toBe('application/json');
    expect(() => malformed.json()).toThrow(SyntaxError);
    xora.control.setFault({ body: 'empty', times: 1 });
    const empty = await jobs();
    expect(empty).toMatchObject({ status: 200, text: '' });
    expect(empty.headers.get('content-type')).toBe('application/json');
  });

  it('resets the connection: the client gets a network error and nothing is answered', async () => {
    xora.control.setFault({ reset: true, times: 1 });
    const error = await jobs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(causeCode(error)).toBe('ECONNRESET');
    expect(xora.control.requests()[0]).toMatchObject({ path: '/v1/jobs', status: null });
    expect((await jobs()).status).toBe(200);
  });

  it('hangs until the client gives up', async () => {
    xora.control.setFault({ hang: true, times: 1 });
    const error = await jobs({ signal: AbortSignal.timeout(150) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(xora.control.requests()[0]?.status).toBeNull();
    expect((await jobs()).status).toBe(200);
  });

  it('ends hung requests on close(), which does not wait for them', async () => {
    xora.control.setFault({ hang: true });
    const pending = jobs().then(
      () => 'answered',
      (e: unknown) => causeCode(e) ?? 'failed',
    );
    await xora.control.waitForRequest((r) => r.path === '/v1/jobs');
    await xora.close();
    expect(await pending).not.toBe('answered');
  });

  it('delays by latencyMs', async () => {
    xora.control.setFault({ latencyMs: 120, times: 1 });
    const started = performance.now();
    expect((await jobs()).status).toBe(200);
    // Timers may fire a hair early against performance.now(); allow 2 ms of clock skew.
    expect(performance.now() - started).toBeGreaterThanOrEqual(118);
  });

  it('applies a base latency to every API request', async () => {
    const slow = await startEmulator('xora', { latencyMs: 80 });
    try {
      const key = slow.control.createKey({ name: 'k' });
      const started = performance.now();
      await call(`${slow.baseUrl()}/jobs`, { headers: { 'x-api-key': key.secret } });
      expect(performance.now() - started).toBeGreaterThanOrEqual(78);
    } finally {
      await slow.close();
    }
  });

  it('honours times, and reports the uses left', async () => {
    xora.control.setFault({ status: 503, times: 2 });
    expect(xora.control.faults()).toEqual([{ status: 503, times: 2 }]);
    expect((await jobs()).status).toBe(503);
    expect(xora.control.faults()).toEqual([{ status: 503, times: 1 }]);
    expect((await jobs()).status).toBe(503);
    expect(xora.control.faults()).toEqual([]);
    expect((await jobs()).status).toBe(200);
  });

  it('keeps a fault without times until cleared; setFault replaces, addFault queues', async () => {
    xora.control.setFault({ status: 500, times: 1 });
    xora.control.setFault({ status: 502 });
    expect((await jobs()).status).toBe(502);
    expect((await jobs()).status).toBe(502);
    xora.control.clearFaults();
    expect((await jobs()).status).toBe(200);
  });

  it('matches by method and path prefix', async () => {
    xora.control.setFault({ status: 500, method: 'post' });
    expect((await jobs()).status).toBe(200);
    xora.control.setFault({ status: 500, pathPrefix: '/v1/other' });
    expect((await jobs()).status).toBe(200);
    xora.control.setFault({ status: 500, method: 'GET', pathPrefix: '/v1/jo' });
    expect((await jobs()).status).toBe(500);
  });

  it('rejects faults that cannot mean anything', () => {
    expect(() => xora.control.setFault({ times: 0 })).toThrow();
    expect(() => xora.control.setFault({ status: 500, retryAfterSeconds: 3 })).toThrow(/Retry-After/);
    expect(() => xora.control.setFault({ reset: true, hang: true })).toThrow(/exclude/);
    expect(() => xora.control.setFault({ reset: true, status: 503 })).toThrow(/exclude/);
    expect(xora.control.faults()).toEqual([]);
  });

  it('never delays, faults or logs the control interface itself', async () => {
    xora.control.setFault({ status: 503 });
    const answer = await call(`${xora.controlUrl}/keys`, { headers: { 'x-emulator-token': xora.controlToken } });
    expect(answer.status).toBe(200);
    expect(xora.control.requests()).toEqual([]);
  });
});

describe('resetAfterReceive', () => {
  let nexora: NexoraEmulator;
  beforeEach(async () => {
    nexora = await startEmulator('nexora');
  });
  afterEach(() => nexora.close());

  it('really creates the key, then drops the connection before answering', async () => {
    const admin = nexora.control.createKey({ name: 'admin' });
    nexora.control.setFault({ resetAfterReceive: true, method: 'POST', times: 1 });
    const error = await postJson(`${nexora.baseUrl()}/users/me/api-keys`, { name: 'lost answer' }, { authorization: `Bearer ${admin.secret}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(causeCode(error)).toBe('ECONNRESET');
    expect(nexora.control.keys().map((k) => k.name)).toEqual(['admin', 'lost answer']);
    expect(nexora.control.requests()).toEqual([expect.objectContaining({ method: 'POST', status: null, authKeyId: admin.id })]);
  });
});

describe('faults on Nora', () => {
  let nora: NoraEmulator;
  beforeEach(async () => {
    nora = await startEmulator('nora');
  });
  afterEach(() => nora.close());

  it('can target one environment’s server', async () => {
    const sandbox = nora.control.createKey({ name: 's' });
    const production = nora.control.createKey({ name: 'p', env: 'production' });
    nora.control.setFault({ status: 503, env: 'production' });
    expect((await call(`${nora.baseUrl('sandbox')}/v2/api-keys`, { headers: { 'x-api-key': sandbox.secret } })).status).toBe(200);
    expect((await call(`${nora.baseUrl('production')}/v2/api-keys`, { headers: { 'x-api-key': production.secret } })).status).toBe(503);
  });
});
