import { describe, expect, it } from 'vitest';
import { ApiKeySet } from '../../../shared/http/api-key';
import { addressGroup, clientAddress } from '../../../shared/http/client-address';
import { createCorsPolicy } from '../../../shared/http/cors';
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

  it('keeps at most maxBuckets even when no bucket is idle: the least recently used one goes', () => {
    const limit = createRateLimiter({ perMinute: 1, burst: 1, maxBuckets: 2, now: () => 0 });
    expect([limit('a'), limit('b'), limit('a') > 0, limit('b') > 0]).toEqual([0, 0, true, true]);
    // A third key while a and b are both spent: a (least recently used) is dropped, b is kept.
    expect(limit('c')).toBe(0);
    expect(limit('b')).toBeGreaterThan(0);
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
    expect(clientAddress(new Headers({ 'x-forwarded-for': '[::1]:80' }))).toBe('0:0:0:0::/64');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'not-an-address' }))).toBe('unknown');
    expect(clientAddress(new Headers())).toBe('unknown');
  });

  it('groups IPv6 addresses by /64 and reads IPv4-mapped ones as IPv4', () => {
    const group = '2001:db8:1:2::/64';
    for (const address of ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '[2001:db8:1:2:a:b:c:d]:443', '2001:db8:1:2::5%eth0', '2001:db8:1:2:0:0:1.2.3.4']) {
      expect(addressGroup(address), address).toBe(group);
    }
    expect(addressGroup('2001:db8:1:3::1')).not.toBe(group);
    expect(addressGroup('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressGroup('::')).toBe('0:0:0:0::/64');
  });

  it('trusts X-Azure-SocketIP only on requests carrying this app’s Front Door ID', () => {
    const frontDoorId = '11111111-2222-3333-4444-555555555555';
    const viaFrontDoor = (fdid: string) =>
      new Headers({ 'x-azure-fdid': fdid, 'x-azure-socketip': '198.51.100.7', 'x-forwarded-for': '198.51.100.7, 147.243.0.1:5000' });
    expect(clientAddress(viaFrontDoor(frontDoorId.toUpperCase()), frontDoorId)).toBe('198.51.100.7');
    // Another Front Door profile (same service tag, someone else's) or no Front Door setting: the last hop.
    expect(clientAddress(viaFrontDoor('99999999-2222-3333-4444-555555555555'), frontDoorId)).toBe('147.243.0.1');
    expect(clientAddress(viaFrontDoor(frontDoorId))).toBe('147.243.0.1');
  });
});

describe('cors', () => {
  it('admits preflights only for exactly the allowed methods', () => {
    const cors = createCorsPolicy(['https://shop.example.com']);
    const preflight = (method: string) => cors.preflightHeaders('https://shop.example.com', method) !== undefined;
    expect(['GET', 'post', 'OPTIONS'].map(preflight)).toEqual([true, true, true]);
    expect(['T', 'GE', 'ST', ', ', 'GET, POST', 'DELETE', ''].map(preflight)).toEqual([false, false, false, false, false, false, false]);
  });
});
