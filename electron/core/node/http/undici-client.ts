/**
 * `HttpClient` on top of a private undici `Agent` (never the global dispatcher).
 *
 * Concurrency: the Agent keeps one Pool per origin with `connections: maxConnectionsPerHost` and
 * `pipelining: 1`, so at most that many requests are in flight per origin; the rest wait in
 * undici's queue.
 *
 * Why an explicit retry loop rather than undici's RetryAgent / retry interceptor: RetryHandler
 * (undici 7) clamps a long `Retry-After` to `maxTimeout` and retries anyway, where we must stop and
 * hand back the response; with the default `throwOnError: true` the final 429/5xx becomes a
 * RequestRetryError and its body is lost, and `throwOnError: false` only helps together with a
 * custom `retry` callback; it decides by method list, not by the caller's `idempotent` flag; its
 * waits are bare `setTimeout`s (no jitter, no injection, not cancelled by the caller's signal); it
 * does not retry header/body timeouts by default; and it reports no attempt count. Configuring it to
 * do all of that means re-writing its `retry` callback, i.e. this loop, hidden inside a handler
 * whose lifecycle is harder to follow. The loop below is short, and each attempt is a plain
 * `agent.request()` whose body is always read to the end or destroyed.
 */
import { Agent } from 'undici';
import { abortedProblem, classifyError, toFailure, type TransportProblem } from './classify-error.js';
import { resolveOptions, type HttpClientOptions } from './options.js';
import { prepareRequest, type PreparedRequest } from '../../http/prepare-request.js';
import { decodeBody, flattenHeaders, readCapped } from './read-body.js';
import { delayAfterFailure, delayAfterStatus } from '../../http/retry-policy.js';
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from '../../http/types.js';

export type { HttpClientOptions, Sleep } from './options.js';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

type Outcome = { ok: true; response: RawResponse } | { ok: false; problem: TransportProblem };

export function createHttpClient(options?: HttpClientOptions): HttpClient {
  const opts = resolveOptions(options);
  const agent = new Agent({
    connections: opts.maxConnectionsPerHost,
    pipelining: 1,
    connect: { timeout: opts.connectTimeoutMs },
    headersTimeout: opts.headersTimeoutMs,
    bodyTimeout: opts.bodyTimeoutMs,
  });
  // Aborted by close(): stops new requests and cuts retry waits short. In-flight attempts are left
  // to finish (bounded by totalTimeoutMs), so a key a provider just created is not lost on quit.
  const closing = new AbortController();
  let closed: Promise<void> | undefined;

  const attempt = async (prepared: PreparedRequest, callerSignal: AbortSignal | undefined): Promise<Outcome> => {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), opts.totalTimeoutMs);
    const signal = callerSignal ? AbortSignal.any([timer.signal, callerSignal]) : timer.signal;
    try {
      const res = await agent.request({
        origin: prepared.origin,
        path: prepared.path,
        method: prepared.method,
        headers: prepared.headers,
        body: prepared.body ?? null,
        signal,
      });
      const contentLength = res.headers['content-length'];
      const bytes = await readCapped(res.body, opts.maxResponseBytes, typeof contentLength === 'string' ? contentLength : undefined);
      return { ok: true, response: { status: res.statusCode, headers: flattenHeaders(res.headers), bytes } };
    } catch (err) {
      // Which signal fired decides between 'aborted' and 'timeout', whatever error undici raised.
      const callerAborted = callerSignal?.aborted ?? false;
      const problem = classifyError(err, { ...opts, host: prepared.host, callerAborted, attemptTimedOut: timer.signal.aborted });
      return { ok: false, problem };
    } finally {
      clearTimeout(timeout);
    }
  };

  const send = async (req: HttpRequest): Promise<HttpResponse> => {
    const started = performance.now();
    const prepared = prepareRequest(req);
    const { host } = prepared;
    const aborted = (attempts: number): HttpFailure => toFailure(abortedProblem(host), host, attempts);
    if (closing.signal.aborted) {
      throw new HttpFailure('aborted', `request to ${host} was not sent: the HTTP client is closed`, { attempts: 0, host, code: 'CLIENT_CLOSED' });
    }

    let attempts = 0;
    for (;;) {
      if (req.signal?.aborted) throw aborted(attempts);
      attempts += 1;
      const outcome = await attempt(prepared, req.signal);
      const finish = (): HttpResponse => {
        if (!outcome.ok) throw toFailure(outcome.problem, host, attempts);
        const { text, json } = decodeBody(outcome.response.bytes);
        const { status, headers } = outcome.response;
        return { status, headers, text, json, attempts, elapsedMs: Math.round(performance.now() - started) };
      };

      const wait = !prepared.idempotent
        ? undefined
        : outcome.ok
          ? delayAfterStatus(outcome.response.status, outcome.response.headers['retry-after'], attempts, opts, Date.now())
          : outcome.problem.retryable
            ? delayAfterFailure(attempts, opts)
            : undefined;
      if (wait === undefined || closing.signal.aborted) return finish();

      try {
        const waitSignal = req.signal ? AbortSignal.any([req.signal, closing.signal]) : closing.signal;
        await opts.sleep(wait, waitSignal);
      } catch (err) {
        if (req.signal?.aborted) throw aborted(attempts);
        if (closing.signal.aborted) return finish();
        throw err;
      }
    }
  };

  return {
    async request(req) {
      try {
        return await send(req);
      } catch (err) {
        if (err instanceof HttpFailure) throw err;
        // A bug or a misbehaving injected sleep: still honour "rejects only with HttpFailure".
        throw new HttpFailure('network', 'HTTP request failed unexpectedly', { attempts: 0, code: 'INTERNAL' });
      }
    },
    close() {
      closing.abort();
      closed ??= agent.close();
      return closed;
    },
  };
}
