import { forbidden, unauthorized } from './api-error';
import type { ApiKeySet } from './api-key';
import type { BcJwtVerifier } from './bc-jwt';
import type { Access, Caller } from './caller';

/**
 * Credentials are looked up per request, not fixed at start-up: they come from the secret store,
 * so a key rotated in Key Vault takes effect when its cache entry expires.
 */
export interface AuthenticatorDependencies {
  apiKeys(): Promise<ApiKeySet>;
  adminKeys(): Promise<ApiKeySet>;
  /** Undefined when BC_CLIENT_ID/SECRET/STORE_HASH are not all configured: bearer tokens are then refused. */
  verifyJwt(): Promise<BcJwtVerifier | undefined>;
  /** ERP customer number linked to a BigCommerce customer id (customer_link). */
  linkedCustomer(bcCustomerId: number): Promise<string | undefined>;
}

export type Authenticator = (headers: Headers, access: Access, clientAddress: string) => Promise<Caller>;

const bearerPattern = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

export const noLinkMessage =
  'No ERP account linked to this store account. Please contact us to connect your account.';

/**
 * Resolves the caller from `x-api-key` or `Authorization: Bearer <current.jwt>`. Admin keys open
 * only admin endpoints and data keys only data endpoints, so a leaked storefront token or data key
 * can never trigger a sync.
 */
export function createAuthenticator(deps: AuthenticatorDependencies): Authenticator {
  return async (headers, access, clientAddress) => {
    if (access === 'public') return { kind: 'anonymous', id: `ip:${clientAddress}` };
    const apiKey = headers.get('x-api-key');
    if (apiKey !== null) {
      const dataKey = (await deps.apiKeys()).indexOf(apiKey);
      const adminKey = (await deps.adminKeys()).indexOf(apiKey);
      if (access === 'admin') {
        if (adminKey >= 0) return { kind: 'admin', id: `admin:${adminKey}` };
        if (dataKey >= 0) throw forbidden('This endpoint needs an admin key.');
      } else {
        if (dataKey >= 0) return { kind: 'api-key', id: `key:${dataKey}` };
        if (adminKey >= 0) throw forbidden('Admin keys open only the admin endpoints.');
      }
      throw unauthorized('Unknown API key.');
    }
    const authorization = headers.get('authorization');
    if (authorization === null) throw unauthorized();
    const token = bearerPattern.exec(authorization)?.[1];
    const verify = token ? await deps.verifyJwt() : undefined;
    const bcCustomerId = token && verify ? await verify(token) : undefined;
    if (bcCustomerId === undefined) throw unauthorized('Invalid or expired customer token.');
    if (access === 'admin') throw forbidden('This endpoint needs an admin key.');
    const custNo = await deps.linkedCustomer(bcCustomerId);
    if (custNo === undefined) throw forbidden(noLinkMessage);
    return { kind: 'customer', id: `bc:${bcCustomerId}`, bcCustomerId, custNo };
  };
}
