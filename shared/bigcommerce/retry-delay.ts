export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

const headerMs = (headers: Headers, name: string, scale: number): number | undefined => {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw) * scale;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
};

/**
 * How long to wait before retrying, or undefined when the response is not retryable. A 429 waits
 * for the store's quota window to reset (BigCommerce says exactly when); 5xx and network errors
 * back off exponentially.
 */
export function retryDelayMs(response: Response | undefined, attempt: number, policy: RetryPolicy): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  if (response === undefined || response.status >= 500) return backoff;
  if (response.status !== 429) return undefined;
  const reset =
    headerMs(response.headers, 'x-rate-limit-time-reset-ms', 1) ?? headerMs(response.headers, 'retry-after', 1000);
  return Math.min(policy.maxDelayMs, reset ?? backoff);
}
