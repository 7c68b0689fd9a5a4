import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch } from '../../../shared/http/etag';

describe('ETags', () => {
  it('compares If-None-Match lists weakly', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"b"')).toBe(false);
  });
});
