import { describe, expect, it } from 'vitest';
import { jwtTimes, refreshAt } from '../../storefront/src/jwt-expiry';
import { PortalError } from '../../storefront/src/portal-error';
import { createTokenSource } from '../../storefront/src/token-manager';

const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('token refresh timing', () => {
  it('reads exp and iat without verifying', () => {
    expect(jwtTimes(jwt({ exp: 2000, iat: 1100 }))).toEqual({ exp: 2000, iat: 1100 });
    expect(jwtTimes('not-a-jwt')).toEqual({});
  });

  it('refreshes a minute before the 15-minute lifetime ends, measured on the server clock', () => {
    // iat/exp an hour in the "past" of the local clock: a skewed browser must not refresh at once.
    expect(refreshAt(jwt({ iat: 1000, exp: 1900 }), 5_000_000)).toBe(5_000_000 + 840_000);
    expect(refreshAt(jwt({ exp: 2000 }), 1_000_000)).toBe(1_940_000);
    expect(refreshAt('opaque', 0)).toBe(840_000);
    expect(refreshAt(jwt({ iat: 0, exp: 60 }), 0)).toBe(30_000);
  });
});

describe('token source', () => {
  const setup = (responses: Array<() => Response>) => {
    let now = 0;
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const source = createTokenSource({
      appClientId: 'app id',
      now: () => now,
      fetch: async (url, init) => {
        calls.push({ url: String(url), init });
        return responses.shift()!();
      },
    });
    return { source, calls, advance: (ms: number) => (now += ms) };
  };
  const token = (n: number) => jwt({ iat: 0, exp: 900, n });

  it('fetches current.jwt same-origin once, shares it, and refetches only when due', async () => {
    const { source, calls, advance } = setup([() => new Response(token(1)), () => new Response(token(2))]);
    const [a, b] = await Promise.all([source.token(), source.token()]);
    expect(a).toBe(token(1));
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/customer/current.jwt?app_client_id=app%20id');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
    advance(839_000);
    expect(await source.token()).toBe(token(1));
    advance(1_000);
    expect(await source.token()).toBe(token(2));
  });

  it('turns a 404 from current.jwt into "signed out" and accepts a JSON { token } body', async () => {
    const { source } = setup([() => new Response('', { status: 404 }), () => Response.json({ token: token(3) })]);
    await expect(source.token()).rejects.toEqual(new PortalError('signed-out', 'current.jwt answered 404'));
    expect(await source.token()).toBe(token(3));
  });
});
