const allowedMethods = 'GET, POST, OPTIONS';
const allowedMethodSet = new Set(allowedMethods.split(', '));
const allowedHeaders = 'Authorization, X-Api-Key, Content-Type, If-None-Match, Accept';
const exposedHeaders = 'ETag, Retry-After, Content-Disposition';

export interface CorsPolicy {
  /** Headers to add to an actual response; empty when the origin is absent or not allowed. */
  responseHeaders(origin: string | null): Record<string, string>;
  /** Preflight headers, or undefined when the preflight is denied. */
  preflightHeaders(origin: string | null, requestedMethod: string | null): Record<string, string> | undefined;
}

/**
 * Allowlist CORS. Origins are echoed, never `*`: callers send credentials (bearer tokens). Responses
 * carry `Vary: Origin` (set by the pipeline) so caches never serve one origin's answer to another.
 */
export function createCorsPolicy(allowedOrigins: readonly string[]): CorsPolicy {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  const isAllowed = (origin: string | null): origin is string => origin !== null && allowed.has(origin);
  return {
    responseHeaders(origin): Record<string, string> {
      if (!isAllowed(origin)) return {};
      return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': exposedHeaders };
    },
    preflightHeaders(origin, requestedMethod) {
      // Exact tokens: Access-Control-Request-Method names one method, and `T` is not part of `GET`.
      if (!isAllowed(origin) || requestedMethod === null || !allowedMethodSet.has(requestedMethod.trim().toUpperCase())) {
        return undefined;
      }
      return {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': allowedMethods,
        'Access-Control-Allow-Headers': allowedHeaders,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      };
    },
  };
}
