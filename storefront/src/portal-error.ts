import type { MessageKey } from './messages';

export type PortalErrorKind = 'signed-out' | 'not-linked' | 'not-found' | 'rate-limited' | 'failed';

/** A failure the portal explains to the buyer; `kind` picks the friendly message. */
export class PortalError extends Error {
  constructor(
    readonly kind: PortalErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

export const messageFor: Readonly<Record<PortalErrorKind, MessageKey>> = {
  'signed-out': 'signedOut',
  'not-linked': 'notLinked',
  'not-found': 'notFound',
  'rate-limited': 'rateLimited',
  failed: 'failed',
};

export const asPortalError = (error: unknown): PortalError =>
  error instanceof PortalError ? error : new PortalError('failed', error instanceof Error ? error.message : String(error));
