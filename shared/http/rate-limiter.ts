export interface RateLimitOptions {
  readonly perMinute: number;
  readonly burst: number;
  /** Most buckets kept; the least recently used one is dropped to make room. */
  readonly maxBuckets?: number;
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Seconds to wait, or 0 when the request may proceed; `cost` tokens are spent (default 1). */
export type RateLimiter = (key: string, cost?: number) => number;

/**
 * Per-caller token buckets, per process: `burst` requests at once, refilled at `perMinute`. An
 * instance-local limit is a guard against runaway clients, not a global quota. The buckets are a
 * bounded LRU (a Map kept in use order), so a flood of new keys costs memory up to the cap and
 * never beyond it, even when no bucket is idle.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const ratePerMs = options.perMinute / 60_000;
  const maxBuckets = options.maxBuckets ?? 10_000;
  const now = options.now ?? Date.now;

  const take = (key: string, at: number): Bucket => {
    const bucket = buckets.get(key);
    if (bucket) {
      buckets.delete(key);
      bucket.tokens = Math.min(options.burst, bucket.tokens + (at - bucket.updatedAt) * ratePerMs);
      bucket.updatedAt = at;
      buckets.set(key, bucket);
      return bucket;
    }
    if (buckets.size >= maxBuckets) buckets.delete(buckets.keys().next().value as string);
    const fresh = { tokens: options.burst, updatedAt: at };
    buckets.set(key, fresh);
    return fresh;
  };

  const limiter: RateLimiter = (key, cost = 1) => {
    const bucket = take(key, now());
    // A cost above the burst could never be paid: it then needs a full bucket.
    const price = Math.min(cost, options.burst);
    if (bucket.tokens >= price) {
      bucket.tokens -= price;
      return 0;
    }
    return Math.max(1, Math.ceil((price - bucket.tokens) / ratePerMs / 1000));
  };
  return limiter;
}
