import { SecretUnusableError } from '../config';
import { PortalError } from '../portal/portal-error';
import { ApiError, type ErrorCode } from './api-error';

/** The only mapping from error codes to HTTP status codes. */
const statusByCode: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const statusOf = (code: ErrorCode): number => statusByCode[code];

/**
 * An error the caller may see, or undefined for an unexpected one. The portal's domain errors
 * (which cannot import shared/http) become API errors here and nowhere else.
 */
export function callerError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  // A busy service asks for a retry: the caller's next attempt is likely to find room.
  if (error instanceof PortalError) return new ApiError(error.code, error.message, error.code === 'UNAVAILABLE' ? 1 : undefined);
  // The caller learns only that the service is unavailable; the log and telemetry name the setting.
  if (error instanceof SecretUnusableError) return new ApiError('UNAVAILABLE', 'The service cannot check credentials right now; try again later.');
  return undefined;
}
