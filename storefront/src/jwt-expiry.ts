interface TimeClaims {
  readonly exp?: number;
  readonly iat?: number;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The `exp`/`iat` claims (seconds) of a JWT, read without verifying: only the API can verify it. */
export function jwtTimes(token: string): TimeClaims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as Record<string, unknown>;
    return { ...(isTime(claims.exp) ? { exp: claims.exp } : {}), ...(isTime(claims.iat) ? { iat: claims.iat } : {}) };
  } catch {
    return {};
  }
}

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
export const refreshMarginMs = 60_000;
/** Without readable claims, assume BigCommerce's usual 15 minutes. */
export const assumedLifetimeMs = 15 * 60_000;

/**
 * When a token fetched at `fetchedAtMs` (local clock) should be replaced. The lifetime comes from
 * `exp - iat`, both server times, so a browser clock that is off does not shorten or stretch it.
 */
export function refreshAt(token: string, fetchedAtMs: number): number {
  const { exp, iat } = jwtTimes(token);
  const lifetimeMs =
    exp !== undefined && iat !== undefined
      ? (exp - iat) * 1000
      : exp !== undefined
        ? exp * 1000 - fetchedAtMs
        : assumedLifetimeMs;
  const margin = Math.min(refreshMarginMs, lifetimeMs / 2);
  return fetchedAtMs + Math.max(0, lifetimeMs - margin);
}
