/**
 * Turns whatever undici / node threw into a message that names the host and what went wrong.
 * The thrown error's own message is never used: undici and node messages can quote header names,
 * URLs or addresses we did not choose to reveal. Only its `code` (or class name) is kept, after
 * checking it looks like an identifier.
 */
import { HttpFailure, type HttpFailureKind } from '../../http/types.js';
import { ResponseTooLarge } from './read-body.js';

export interface TransportProblem {
  kind: HttpFailureKind;
  code: string;
  /** Worth another attempt if the request is idempotent. */
  retryable: boolean;
  /** What went wrong, naming the host; no attempt count. */
  what: string;
}

export interface ClassifyContext {
  host: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  /** Which signal fired decides the outcome of an abort, not the shape of the error it produced. */
  callerAborted: boolean;
  attemptTimedOut: boolean;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function safeCode(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && IDENTIFIER.test(code)) return code;
    const name = (err as { name?: unknown }).name;
    if (typeof name === 'string' && IDENTIFIER.test(name)) return name;
  }
  return 'UNKNOWN';
}

const problem = (kind: HttpFailureKind, code: string, retryable: boolean, what: string): TransportProblem => ({
  kind,
  code,
  retryable,
  what,
});

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

export const abortedProblem = (host: string): TransportProblem => problem('aborted', 'ABORTED', false, `request to ${host} was aborted`);

export function classifyError(err: unknown, ctx: ClassifyContext): TransportProblem {
  const { host } = ctx;
  if (ctx.callerAborted) return abortedProblem(host);
  if (ctx.attemptTimedOut) {
    return problem('timeout', 'TOTAL_TIMEOUT', true, `timed out after ${ctx.totalTimeoutMs} ms waiting for ${host} to finish responding`);
  }
  if (err instanceof ResponseTooLarge) {
    return problem('too-large', err.code, false, `response from ${host} is larger than ${ctx.maxResponseBytes} bytes`);
  }
  const code = safeCode(err);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return problem('timeout', code, true, `timed out after ${ctx.connectTimeoutMs} ms connecting to ${host}`);
    case 'ETIMEDOUT':
      return problem('timeout', code, true, `timed out connecting to ${host}`);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return problem('timeout', code, true, `timed out after ${ctx.headersTimeoutMs} ms waiting for ${host}`);
    case 'UND_ERR_BODY_TIMEOUT':
      return problem('timeout', code, true, `timed out after ${ctx.bodyTimeoutMs} ms waiting for the response body from ${host}`);
    case 'ECONNRESET':
      return problem('network', code, true, `connection reset by ${host}`);
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return problem('network', code, true, `connection closed unexpectedly by ${host}`);
    case 'ECONNREFUSED':
      return problem('network', code, true, `connection refused by ${host}`);
    case 'EAI_AGAIN':
      return problem('network', code, true, `temporary DNS failure looking up ${host}`);
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return problem('network', code, true, `${host} is unreachable (${code})`);
    case 'ENOTFOUND':
      return problem('network', code, false, `could not resolve ${host}`);
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return problem('too-large', code, false, `response from ${host} is larger than ${ctx.maxResponseBytes} bytes`);
    case 'UND_ERR_INVALID_ARG':
      return problem('network', code, false, `request to ${host} was not sent: a header or option is invalid (${code})`);
    case 'UND_ERR_CLOSED':
    case 'UND_ERR_DESTROYED':
      return problem('aborted', code, false, `request to ${host} was not completed: the HTTP client is closed`);
    default:
      if (TLS_CODE.test(code)) return problem('network', code, false, `TLS connection to ${host} failed (${code})`);
      return problem('network', code, false, `request to ${host} failed (${code})`);
  }
}

export function toFailure(p: TransportProblem, host: string | undefined, attempts: number): HttpFailure {
  const suffix = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new HttpFailure(p.kind, `${p.what}${suffix}`, { attempts, code: p.code, ...(host === undefined ? {} : { host }) });
}
