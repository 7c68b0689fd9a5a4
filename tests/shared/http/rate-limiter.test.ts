import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../shared/http/rate-limiter';

describe('rate limiter', () => {
  it('allows the burst, then refills at the per-minute rate', () => {
    let now = 0;
    const limit = createRateLimiter({ perMinute: 60, burst: 2, now: () => now });
    expect([limit('a'), limit('a'), limit('a')]).toEqual([0, 0, 1]);
    expect(limit('b')).toBe(0);
    now = 1000;
    expect(limit('a')).toBe(0);
    expect(limit('a')).toBe(1);
  });

  it('charges a costly request several tokens and makes it wait for all of them', () => {
    let now = 0;
    const limit = createRateLimiter({ perMinute: 60, burst: 25, now: () => now });
    expect([limit('a', 10), limit('a', 10), limit('a', 10)]).toEqual([0, 0, 5]);
    expect(limit('a')).toBe(0);
    now = 6000;
    expect(limit('a', 10)).toBe(0);
    expect(limit('b', 1000)).toBe(0);
    expect(limit('b', 1000)).toBe(25);
  });

  it('drops idle buckets when full', () => {
    let now = 0;
    const limit = createRateLimiter({ perMinute: 60, burst: 1, maxBuckets: 2, now: () => now });
    limit('a');
    limit('b');
    now = 60_000;
    expect(limit('c')).toBe(0);
    expect(limit('a')).toBe(0);
  });

  it('keeps at most maxBuckets even when no bucket is idle: the least recently used one goes', () => {
    const limit = createRateLimiter({ perMinute: 1, burst: 1, maxBuckets: 2, now: () => 0 });
    expect([limit('a'), limit('b'), limit('a') > 0, limit('b') > 0]).toEqual([0, 0, true, true]);
    // A third key while a and b are both spent: a (least recently used) is dropped, b is kept.
    expect(limit('c')).toBe(0);
    expect(limit('b')).toBeGreaterThan(0);
    expect(limit('a')).toBe(0);
  });
});
