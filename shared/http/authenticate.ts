import { normalizeErpCustomerNumber } from '../erp/customer-number';
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

/** A verified credential. Its `id` is known before any database read, so the limiter can run first. */
export interface Credential {
  /** Stable, non-secret rate-limit key. */
  readonly id: string;
  /** The caller; for a storefront token this reads its customer link. */
  caller(): Promise<Caller>;
}

export type Authenticator = (headers: Headers, access: Access, clientAddress: string) => Promise<Credential>;

const bearerPattern = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

export const noLinkMessage =
  'No ERP account linked to this store account. Please contact us to connect your account.';

const known = (caller: Caller): Credential => ({ id: caller.id, caller: async () => caller });

/**
 * Resolves the caller from `x-api-key` or `Authorization: Bearer <current.jwt>`. Admin keys open
 * only admin endpoints and data keys only data endpoints, so a leaked storefront token or data key
 * can never trigger a sync. A token is verified here but its link is read only in `caller()`.
 */
export function createAuthenticator(deps: AuthenticatorDependencies): Authenticator {
  const storefrontCaller = async (bcCustomerId: number): Promise<Caller> => {
    const linked = await deps.linkedCustomer(bcCustomerId);
    const custNo = linked === undefined ? undefined : normalizeErpCustomerNumber(linked);
    if (custNo === undefined) throw forbidden(noLinkMessage);
    return { kind: 'customer', id: `bc:${bcCustomerId}`, bcCustomerId, custNo };
  };
  return async (headers, access, clientAddress) => {
    if (access === 'public') return known({ kind: 'anonymous', id: `ip:${clientAddress}` });
    const apiKey = headers.get('x-api-key');
    if (apiKey !== null) {
      const dataKey = (await deps.apiKeys()).indexOf(apiKey);
      const adminKey = (await deps.adminKeys()).indexOf(apiKey);
      if (access === 'admin') {
        if (adminKey >= 0) return known({ kind: 'admin', id: `admin:${adminKey}` });
        if (dataKey >= 0) throw forbidden('This endpoint needs an admin key.');
      } else {
        if (dataKey >= 0) return known({ kind: 'api-key', id: `key:${dataKey}` });
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
    return { id: `bc:${bcCustomerId}`, caller: () => storefrontCaller(bcCustomerId) };
  };
}
