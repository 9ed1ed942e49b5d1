import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../../electron/core/domain/model.js';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { resolveProfile } from '../../../../electron/core/providers/registry.js';
import { verifyKey } from '../../../../electron/core/verify/verify-key.js';
import { reply, startServer, type TestServer } from '../http/test-server.js';

/**
 * Only a 2xx with the API's own body proves a key works, only a 401 proves it dead. Each answer
 * below comes from a real loopback server, as a wrong path, a proxy or a portal would give it.
 */
describe('verifyKey: answers that prove nothing are never valid', () => {
  let server: TestServer;
  let answer: (res: ServerResponse) => void = (res) => reply(res, 200, '{}');
  const http = createHttpClient({ maxRetries: 0, totalTimeoutMs: 2_000 });
  const clock = { now: () => new Date('2026-12-01T10:00:00Z') };

  beforeAll(async () => {
    server = await startServer((_req, res) => answer(res));
  });
  afterAll(async () => {
    await http.close();
    await server.close();
  });

  const NEXORA_KEY = `nxr_${'a'.repeat(40)}`;
  function verify(provider: string, secret = NEXORA_KEY) {
    const instance: Instance = { id: 'i', provider, org: 'acme', name: 'main', env: 'production', baseUrl: `${server.url}/api`, projectId: 'proj_ABC123', createdAt: '2026-01-01T00:00:00Z' };
    return verifyKey(http, resolveProfile(provider, []), instance, secret, clock);
  }

  const cases: { what: string; status: number; body: string; type?: string; reason: RegExp; headers?: Record<string, string> }[] = [
    { what: 'a 404 (a mistyped verify path)', status: 404, body: '{"detail":"Not Found"}', reason: /404 \(not found\).*proves nothing.*verify path/ },
    { what: 'a 431 (an oversized header)', status: 431, body: '', reason: /431 \(request header too large\).*proves nothing/ },
    { what: 'a 400', status: 400, body: '{"detail":"bad"}', reason: /400 \(bad request\).*proves nothing/ },
    { what: 'a 302 to a login page', status: 302, body: '', headers: { location: 'https://login.example.com/' }, reason: /302 \(a redirect\).*proves nothing/ },
    { what: 'a 418', status: 418, body: '{}', reason: /418, which proves nothing/ },
    { what: 'an HTML 200 (a captive portal)', status: 200, body: '<!doctype html><title>Welcome</title>', type: 'text/html', reason: /200\) was not JSON.*not proven/ },
    { what: 'an empty 200', status: 200, body: '', reason: /an empty body/ },
    { what: 'a 204', status: 204, body: '', reason: /an empty body/ },
    { what: 'a 200 whose JSON is not the API’s (an object where Nexora lists keys)', status: 200, body: '{"ok":true}', reason: /JSON but not Nexora's \(expected a JSON list\)/ },
    { what: 'a 200 with a bare JSON string', status: 200, body: '"ok"', reason: /JSON but not Nexora's/ },
  ];

  for (const c of cases) {
    it(`${c.what} is unknown, never valid, and its reason says why`, async () => {
      answer = (res) => {
        res.writeHead(c.status, { 'content-type': c.type ?? 'application/json', ...c.headers });
        res.end(c.body);
      };
      const outcome = await verify('nexora');
      expect(outcome).toMatchObject({ result: 'unknown', httpStatus: c.status, revoked: false });
      expect(outcome.reason).toMatch(c.reason);
      expect(outcome.reason).not.toContain(NEXORA_KEY);
    });
  }

  it('a 20 KB "key" gets 431 from the server itself: unknown, never valid', async () => {
    answer = (res) => reply(res, 200, '[]');
    const huge = `nxr_${'a'.repeat(20 * 1024)}`;
    expect(await verify('nexora', huge)).toMatchObject({ result: 'unknown', httpStatus: 431 });
  });

  it("each provider's own answer shape is checked: another shape is unknown, its own is valid", async () => {
    const shapes: { provider: string; own: string; other: string }[] = [
      { provider: 'nexora', own: '[{"id":"k1","name":"ci"}]', other: '{"data":[]}' },
      { provider: 'xerotier', own: '{"object":"list","data":[{"id":"llama"}]}', other: '{"ok":true}' },
      { provider: 'xora', own: '{"data":[]}', other: '{"error":{"code":"NOT_FOUND","message":"Not found."}}' },
      { provider: 'nora', own: '{"organization":"acme","environment":"production"}', other: '"ok"' },
    ];
    for (const { provider, own, other } of shapes) {
      answer = (res) => reply(res, 200, other);
      expect(await verify(provider), `${provider}: ${other}`).toMatchObject({ result: 'unknown', httpStatus: 200 });
      answer = (res) => reply(res, 200, own);
      expect(await verify(provider), `${provider}: ${own}`).toMatchObject({ result: 'valid', httpStatus: 200 });
    }
  });

  it('403 is limited and 401 rejected, whatever the body', async () => {
    answer = (res) => reply(res, 403, '<html>forbidden</html>', { 'content-type': 'text/html' });
    expect(await verify('nexora')).toMatchObject({ result: 'limited', httpStatus: 403 });
    answer = (res) => reply(res, 401, '{"detail":"Invalid or missing API key"}');
    expect(await verify('nexora')).toMatchObject({ result: 'rejected', httpStatus: 401, reason: 'Invalid or missing API key' });
  });
});
