import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, delayAfterFailure, delayAfterStatus, parseRetryAfter, type RetryPolicy } from '../../../../electron/core/http/retry-policy.js';

const policy = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxRetries: 3,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxRetryAfterMs: 30_000,
  random: () => 0.5,
  ...over,
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 7 ', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Wednesday, 01-Jan-25 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed Jan  1 00:00:03 2025', now)).toBe(3000);
  });
  it('gives undefined for absent or unparseable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('Wed, garbage', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('stays within [step/2, step] and never above maxDelayMs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const p = policy({ random: () => r });
        const step = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (retry - 1));
        const d = backoffDelay(retry, p);
        return d >= Math.floor(step / 2) && d <= step && d <= p.maxDelayMs;
      }),
    );
  });
});

describe('delayAfterStatus', () => {
  const now = 0;
  it('retries only 429, 500, 502, 503, 504', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(delayAfterStatus(status, undefined, 1, policy(), now)).toBe(150);
    for (const status of [200, 301, 400, 401, 403, 404, 409, 501]) expect(delayAfterStatus(status, undefined, 1, policy(), now)).toBeUndefined();
  });
  it('honours Retry-After on 429 and 503 only, up to the cap', () => {
    expect(delayAfterStatus(429, '2', 1, policy(), now)).toBe(2000);
    expect(delayAfterStatus(503, '2', 1, policy(), now)).toBe(2000);
    expect(delayAfterStatus(500, '2', 1, policy(), now)).toBe(150);
    expect(delayAfterStatus(429, '31', 1, policy(), now)).toBeUndefined();
    expect(delayAfterStatus(429, '30', 1, policy(), now)).toBe(30_000);
  });
  it('stops once maxRetries are used', () => {
    expect(delayAfterStatus(503, undefined, 3, policy(), now)).toBeDefined();
    expect(delayAfterStatus(503, undefined, 4, policy(), now)).toBeUndefined();
    expect(delayAfterFailure(4, policy())).toBeUndefined();
    expect(delayAfterFailure(1, policy({ maxRetries: 0 }))).toBeUndefined();
  });
});
