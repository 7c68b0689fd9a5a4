import { describe, expect, it } from 'vitest';
import { ApiKeySet } from '../../../shared/http/api-key';
import { clientAddress } from '../../../shared/http/client-address';
import { csvField, toCsv } from '../../../shared/http/csv';
import { matchesIfNoneMatch } from '../../../shared/http/etag';
import { createRateLimiter } from '../../../shared/http/rate-limiter';

describe('csv', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+cmd', "'+cmd"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['-12.50', '-12.50'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('escapes %j as %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it('writes a header row, CRLF line ends and empty cells for null', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: null }, { a: true, b: 'x' }])).toBe('a,b\r\n1,\r\ntrue,x\r\n');
  });
});

describe('rate limiter', () => {
  it('allows the burst, then refills at the per-minute rate', () => {
    let now = 0;
    const limit = createRateLimiter({ perMinute: 60, burst: 2, now: () => now });
    expect([limit('a'), limit('a'), limit('a')]).toEqual([0, 0, 1]);
    expect(limit('b')).toBe(0);
    now = 1000;
    expect(limit('a')).toBe(0);
    expect(limit('a')).toBe(1);
  });

  it('drops idle buckets when full', () => {
    let now = 0;
    const limit = createRateLimiter({ perMinute: 60, burst: 1, maxBuckets: 2, now: () => now });
    limit('a');
    limit('b');
    now = 60_000;
    expect(limit('c')).toBe(0);
    expect(limit('a')).toBe(0);
  });
});

describe('api keys, ETags and client addresses', () => {
  it('matches any configured key and nothing else', () => {
    const keys = new ApiKeySet(['one', 'two', '']);
    expect([keys.indexOf('one'), keys.indexOf('two'), keys.indexOf('three'), keys.indexOf('')]).toEqual([0, 1, -1, -1]);
  });

  it('compares If-None-Match lists weakly', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"b"')).toBe(false);
  });

  it('reads the address the nearest proxy appended, without its port', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'spoofed, 10.0.0.1:5123' }))).toBe('10.0.0.1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '[::1]:80' }))).toBe('::1');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
