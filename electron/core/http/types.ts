/**
 * The HTTP port the rest of core depends on. Providers talk to the network only through an
 * `HttpClient`; the undici adapter lives in `undici-client.ts`.
 */

export type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute `http:` or `https:` URL. Never echoed into error messages (queries may carry keys). */
  url: string;
  /** May carry secrets (Authorization, API-key headers): never logged, never in an error. */
  headers?: Record<string, string>;
  /** Serialized as the JSON request body; `content-type: application/json` is added unless set. */
  json?: unknown;
  /** Retried only when true; default: true for GET, false otherwise. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers are joined with ", ". */
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
  /** How many times the request was sent (1 when it was not retried). */
  attempts: number;
  /** Wall time from the call to the end of the body, retry waits included. */
  elapsedMs: number;
}

export type HttpFailureKind = 'timeout' | 'network' | 'too-large' | 'aborted';

export interface HttpFailureDetails {
  attempts: number;
  /** `host[:port]` the request went to, when the URL could be parsed. */
  host?: string;
  /** A machine-readable cause such as `ECONNRESET` or `UND_ERR_HEADERS_TIMEOUT`. */
  code?: string;
}

/**
 * The only error an `HttpClient` rejects with. Its message names the host and what went wrong and
 * never contains request headers, request bodies, response bodies, URL paths or query strings
 * (they carry secrets). The underlying error is deliberately not attached as `cause`.
 */
export class HttpFailure extends Error {
  override readonly name = 'HttpFailure';
  readonly kind: HttpFailureKind;
  readonly attempts: number;
  readonly host: string | undefined;
  readonly code: string | undefined;

  constructor(kind: HttpFailureKind, message: string, details: HttpFailureDetails) {
    super(message);
    this.kind = kind;
    this.attempts = details.attempts;
    this.host = details.host;
    this.code = details.code;
  }
}

export interface HttpClient {
  /** Rejects only with `HttpFailure`. Any HTTP status (including 4xx/5xx) resolves. */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Stops new requests and cancels pending retry waits; lets in-flight requests finish. */
  close(): Promise<void>;
}
