export interface RateLimitOptions {
  readonly perMinute: number;
  readonly burst: number;
  /** Buckets kept before idle (full) ones are dropped. */
  readonly maxBuckets?: number;
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Seconds to wait, or 0 when the request may proceed. */
export type RateLimiter = (key: string) => number;

/**
 * Per-caller token buckets, per process: `burst` requests at once, refilled at `perMinute`. An
 * instance-local limit is a guard against runaway clients, not a global quota.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const ratePerMs = options.perMinute / 60_000;
  const maxBuckets = options.maxBuckets ?? 10_000;
  const now = options.now ?? Date.now;

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(options.burst, bucket.tokens + (at - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = at;
  };

  const evictIdle = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= options.burst) buckets.delete(key);
    }
  };

  return (key) => {
    const at = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxBuckets) evictIdle(at);
      bucket = { tokens: options.burst, updatedAt: at };
      buckets.set(key, bucket);
    } else {
      refill(bucket, at);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  };
}
