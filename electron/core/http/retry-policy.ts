/**
 * When to retry and how long to wait. Pure functions: no I/O, no clock except the `now` passed in.
 */

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  random: () => number;
}

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/** Only these carry a `Retry-After` we honour (RFC 9110 §10.2.3: 503 and 429, per RFC 6585). */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date (a past date is 0).
 * Undefined when absent or unparseable, in which case normal backoff applies.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) start with a day name; requiring it
  // keeps Date.parse's leniency ("-5" is year -5) from turning junk into a date.
  if (!HTTP_DATE_START.test(trimmed)) return undefined;
  // asctime carries no zone but means GMT; Date.parse would read it as local time.
  const date = Date.parse(/ GMT$/i.test(trimmed) ? trimmed : `${trimmed} GMT`);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so waits never
 * collapse to zero yet concurrent clients spread out. `retry` counts from 1.
 */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (policy.random() * step) / 2);
}

/**
 * The wait before retrying after a retryable status, or undefined to stop and hand the response to
 * the caller: retries used up, or the server asked for a longer pause than we are willing to wait.
 */
export function delayAfterStatus(
  status: number,
  retryAfter: string | undefined,
  retry: number,
  policy: RetryPolicy,
  now: number,
): number | undefined {
  if (!isRetryableStatus(status) || retry > policy.maxRetries) return undefined;
  const asked = RETRY_AFTER_STATUSES.has(status) ? parseRetryAfter(retryAfter, now) : undefined;
  if (asked === undefined) return backoffDelay(retry, policy);
  return asked > policy.maxRetryAfterMs ? undefined : asked;
}

/** The wait before retrying after a retryable transport failure, or undefined when retries are used up. */
export function delayAfterFailure(retry: number, policy: RetryPolicy): number | undefined {
  return retry > policy.maxRetries ? undefined : backoffDelay(retry, policy);
}
