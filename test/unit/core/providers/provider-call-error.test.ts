import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../electron/core/domain/model.js';
import { isProblem, ProblemError } from '../../../../electron/core/domain/problems/problem-error.js';
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from '../../../../electron/core/http/types.js';
import { ProviderCallError } from '../../../../electron/core/providers/key-api.js';
import { nexoraKeyApi } from '../../../../electron/core/providers/nexora/key-api.js';
import { cliProblemText } from '../../../../electron/cli/problems/wordings.js';
import { appProblemText } from '../../../../renderer/src/problems/wordings.js';

const instance: Instance = { id: 'i', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: 'https://nexora.example/api', createdAt: new Date(0).toISOString() };

/** An HTTP client that answers every request with `answer` (or fails with it). */
function answering(answer: (req: HttpRequest) => HttpResponse | Error): HttpClient {
  return {
    request: (req) => {
      const a = answer(req);
      return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
    },
    close: () => Promise.resolve(),
  };
}
const response = (status: number, json: unknown): HttpResponse => ({ status, headers: {}, text: JSON.stringify(json), json, attempts: 1, elapsedMs: 1 });

async function failureOf(promise: Promise<unknown>): Promise<ProviderCallError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof ProviderCallError)) throw new Error(`expected a ProviderCallError, got ${String(error)}`);
  return error;
}

describe("a failed call to a provider's key API is a problem whose parameters carry what callers decide by", () => {
  it('a 5xx: call-failed with its status and an unknown outcome (the create may have happened); worded by each host', async () => {
    const api = nexoraKeyApi(instance, answering(() => response(503, { detail: 'maintenance' })));
    const error = await failureOf(api.create('nxr_auth', 'backend-2026-12'));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.problem).toEqual({ code: 'provider.call-failed', provider: 'Nexora', call: 'create key', status: 503, outcomeUnknown: true, reason: 'maintenance' });
    expect([error.status, error.outcomeUnknown, error.kind]).toEqual([503, true, 'failure']);
    expect(cliProblemText(error.problem)).toBe('Nexora create key answered 503: maintenance');
    // The message is the code, as every problem's: no host's sentence rides on the error.
    expect(error.message).toBe('provider.call-failed');
    expect(appProblemText(error.problem)).not.toMatch(/--|keyturn /);
  });

  it('a 4xx: the outcome is known (nothing was done); a 404 on revoke means already gone', async () => {
    const api = nexoraKeyApi(instance, answering((req) => (req.method === 'DELETE' ? response(404, { detail: 'no such key' }) : response(401, { detail: 'bad token' }))));
    const error = await failureOf(api.list('nxr_auth'));
    expect(error.problem).toMatchObject({ code: 'provider.call-failed', call: 'list keys', status: 401, outcomeUnknown: false, reason: 'bad token' });
    await expect(api.revoke('nxr_auth', 'k1')).resolves.toBe('not-found');
  });

  it('no answer (a reset): no status, an unknown outcome, the transport’s words', async () => {
    const api = nexoraKeyApi(instance, answering(() => new HttpFailure('network', 'the connection was reset', { attempts: 1, host: 'nexora.example', code: 'ECONNRESET' })));
    const error = await failureOf(api.rotate('nxr_auth', 'k1'));
    expect(error.problem).toEqual({ code: 'provider.call-failed', provider: 'Nexora', call: 'rotate key', outcomeUnknown: true, reason: 'the connection was reset' });
    expect(error.status).toBeNull();
    expect(cliProblemText(error.problem)).toBe('Nexora rotate key: the connection was reset');
  });

  it("a body Keyturn cannot read: answer-unreadable, the provider's text escaped before it is a parameter", async () => {
    const unreadable = await failureOf(nexoraKeyApi(instance, answering(() => response(201, { id: 'k', key: 'not-a-nexora-key' }))).create('nxr_auth', 'n'));
    expect(unreadable.problem).toEqual({ code: 'provider.answer-unreadable', provider: 'Nexora', call: 'create key', status: 201 });
    expect(unreadable.outcomeUnknown).toBe(false);
    const escaped = await failureOf(nexoraKeyApi(instance, answering(() => response(400, { detail: 'bad\u001b[31m' }))).list('nxr_auth'));
    expect(isProblem(escaped, 'provider.call-failed') && escaped.problem.reason).toBe('bad\\u001b[31m');
  });
});
