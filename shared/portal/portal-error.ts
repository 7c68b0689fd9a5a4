/**
 * Why the portal cannot answer, in the envelope's own codes (contract §5) so shared/http passes
 * them on unchanged. The portal raises these and knows nothing of HTTP; shared/http/error-status.ts
 * is the one place that turns them into status codes.
 */
export type PortalErrorCode = 'NOT_FOUND' | 'VALIDATION_FAILED' | 'UNAVAILABLE';

export class PortalError extends Error {
  constructor(
    readonly code: PortalErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

/** The one answer for "absent" and "not yours", so existence never leaks. */
export const notFound = (what: string) => new PortalError('NOT_FOUND', `${what} not found.`);
export const invalidRequest = (message: string) => new PortalError('VALIDATION_FAILED', message);
