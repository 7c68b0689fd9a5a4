import { refreshAt } from './jwt-expiry';
import { PortalError } from './portal-error';

export interface TokenSource {
  /** A current token; fetches a new one when the cached one is due for refresh or `force` is set. */
  token(force?: boolean): Promise<string>;
}

export interface TokenSourceOptions {
  readonly appClientId: string;
  /** Same-origin path of BigCommerce's current-customer endpoint. */
  readonly tokenPath?: string;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

/** BigCommerce answers with the bare JWT; a JSON `{ token }` body is accepted too. */
function tokenFromBody(body: string): string {
  const text = body.trim();
  if (!text.startsWith('{')) return text;
  const parsed = JSON.parse(text) as { token?: unknown };
  if (typeof parsed.token !== 'string') throw new PortalError('failed', 'current.jwt answered without a token');
  return parsed.token;
}

/**
 * Caches the storefront's current-customer JWT and replaces it shortly before it expires. Calls
 * made while a fetch is in flight share it.
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const url = `${options.tokenPath ?? '/customer/current.jwt'}?app_client_id=${encodeURIComponent(options.appClientId)}`;
  let cached: { value: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const load = async (): Promise<string> => {
    const response = await doFetch(url, { credentials: 'same-origin', headers: { Accept: 'application/jwt, text/plain, */*' } });
    // BigCommerce answers 404 when no customer is signed in.
    if (response.status === 404 || response.status === 401 || response.status === 403) {
      cached = undefined;
      throw new PortalError('signed-out', `current.jwt answered ${response.status}`);
    }
    if (!response.ok) throw new PortalError('failed', `current.jwt answered ${response.status}`);
    const value = tokenFromBody(await response.text());
    const fetchedAt = now();
    cached = { value, refreshAt: refreshAt(value, fetchedAt) };
    return value;
  };

  return {
    token(force = false) {
      if (!force && cached && now() < cached.refreshAt) return Promise.resolve(cached.value);
      pending ??= load().finally(() => (pending = undefined));
      return pending;
    },
  };
}
