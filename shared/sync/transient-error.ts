/** SQL Server / Azure SQL error numbers worth retrying: throttling, failover, deadlock, network. */
const transientNumbers = new Set([
  40613, 40197, 40501, 49918, 49919, 49920, 4060, 4221, 1205, 10928, 10929, 233, 10053, 10054, 10060,
]);

/** Driver and socket codes for a dropped or timed-out connection (mssql/tedious and Node). */
const transientCodes = new Set([
  'ESOCKET',
  'ETIMEOUT',
  'ECONNCLOSED',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTOPEN',
]);

interface ErrorLike {
  number?: unknown;
  code?: unknown;
  originalError?: unknown;
  cause?: unknown;
  precedingErrors?: unknown;
}

/**
 * Whether a failure is worth retrying. The mssql driver wraps tedious errors (`originalError`,
 * `precedingErrors`), so the whole chain is inspected. Data knowledge only: no SQL is run here.
 */
export function isTransientError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  if (typeof e.number === 'number' && transientNumbers.has(e.number)) return true;
  if (typeof e.code === 'string' && transientCodes.has(e.code)) return true;
  const nested = [e.originalError, e.cause, ...(Array.isArray(e.precedingErrors) ? e.precedingErrors : [])];
  return nested.some((inner) => isTransientError(inner, depth + 1));
}
