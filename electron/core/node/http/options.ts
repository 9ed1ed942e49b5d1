import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, rejecting early when `signal` aborts. Injectable so tests need not really wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface HttpClientOptions {
  /** TCP + TLS connect timeout. Default 5 s. */
  connectTimeoutMs?: number;
  /** Time to wait for the complete response headers once the request is sent. Default 10 s. */
  headersTimeoutMs?: number;
  /** Longest gap between two chunks of the response body. Default 10 s. */
  bodyTimeoutMs?: number;
  /**
   * Hard ceiling on one attempt, connect to last body byte. Default 30 s. Unlike the two above,
   * which undici checks on a coarse ~0.5 s tick (they may fire up to ~1 s late), this one is exact.
   */
  totalTimeoutMs?: number;
  /** At most this many requests in flight per origin; the rest queue. Default 6. */
  maxConnectionsPerHost?: number;
  /** Retries after the first attempt, for idempotent requests only. Default 3. */
  maxRetries?: number;
  /** First backoff step; doubles per retry, with jitter. Default 200 ms. */
  baseDelayMs?: number;
  /** Ceiling of one backoff step. Default 5 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the response is returned. Default 30 s. */
  maxRetryAfterMs?: number;
  /** A larger response body fails with `too-large`. Default 1 MiB. */
  maxResponseBytes?: number;
  sleep?: Sleep;
  /** Uniform in [0, 1), used for jitter. */
  random?: () => number;
}

export type ResolvedOptions = Required<HttpClientOptions>;

export const defaultSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : {});
};

const DEFAULTS: ResolvedOptions = {
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxConnectionsPerHost: 6,
  maxRetries: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
  maxResponseBytes: 1024 * 1024,
  sleep: defaultSleep,
  random: Math.random,
};

type NumericOption = { [K in keyof ResolvedOptions]: ResolvedOptions[K] extends number ? K : never }[keyof ResolvedOptions];

/** Zero is meaningful for these (no retries, no wait); every other number must be positive. */
const ZERO_ALLOWED: ReadonlySet<NumericOption> = new Set(['maxRetries', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs']);
const INTEGER_ONLY: ReadonlySet<NumericOption> = new Set(['maxConnectionsPerHost', 'maxRetries', 'maxResponseBytes']);

/** Fills defaults and rejects nonsense (negative, NaN, fractional counts) with a message naming the option. */
export function resolveOptions(options: HttpClientOptions = {}): ResolvedOptions {
  for (const [key, value] of Object.entries(options) as [keyof HttpClientOptions, unknown][]) {
    if (value === undefined) continue;
    if (key === 'sleep' || key === 'random') {
      if (typeof value !== 'function') throw new TypeError(`HTTP client option ${key} must be a function`);
      continue;
    }
    const min = ZERO_ALLOWED.has(key) ? 0 : 1;
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && (!INTEGER_ONLY.has(key) || Number.isInteger(value));
    if (!ok) {
      throw new TypeError(
        `HTTP client option ${key} must be ${INTEGER_ONLY.has(key) ? 'an integer' : 'a finite number'} >= ${min}`,
      );
    }
  }
  return { ...DEFAULTS, ...stripUndefined(options) };
}

function stripUndefined(options: HttpClientOptions): HttpClientOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as HttpClientOptions;
}
