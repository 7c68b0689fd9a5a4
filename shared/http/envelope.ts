import type { ErrorCode } from './api-error';

/** Response envelope (contract §5). */
export interface SuccessEnvelope<T> {
  readonly success: true;
  readonly data: T;
}

export interface ErrorEnvelope {
  readonly success: false;
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

export interface Pagination {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export const successEnvelope = <T>(data: T): SuccessEnvelope<T> => ({ success: true, data });

export const errorEnvelope = (code: ErrorCode, message: string): ErrorEnvelope => ({
  success: false,
  error: { code, message },
});
