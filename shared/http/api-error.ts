/** Error codes of the envelope (contract §5) plus the few this API adds. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** An error the caller may see: its code and message go into the envelope verbatim. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds until a retry can succeed (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const validationFailed = (message: string) => new ApiError('VALIDATION_FAILED', message);
export const unauthorized = (message = 'Missing or invalid credentials.') => new ApiError('UNAUTHORIZED', message);
export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);
/** The one answer for "absent" and "not yours", so existence never leaks. */
export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found.`);
export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError('RATE_LIMITED', 'Too many requests; retry later.', retryAfterSeconds);
