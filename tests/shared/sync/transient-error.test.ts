import { describe, expect, it } from 'vitest';
import { isTransientError } from '../../../shared/sync/transient-error';

describe('transient errors', () => {
  it('recognises SQL error numbers and socket codes through the mssql wrapping', () => {
    expect(isTransientError({ number: 40613 })).toBe(true);
    expect(isTransientError({ originalError: { info: {}, number: 1205 } })).toBe(true);
    expect(isTransientError({ code: 'ESOCKET' })).toBe(true);
    expect(isTransientError({ precedingErrors: [{ number: 10054 }] })).toBe(true);
    expect(isTransientError({ number: 2627 })).toBe(false);
    expect(isTransientError(new Error('syntax'))).toBe(false);
  });
});
