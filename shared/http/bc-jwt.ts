import { errors, jwtVerify } from 'jose';
import { z } from 'zod';

/** BigCommerce's current-customer token claims that identify the buyer. */
const currentCustomerClaims = z.object({
  operation: z.literal('current_customer'),
  store_hash: z.string(),
  // customer_link.bc_customer_id is an int: a larger id is no customer's, and could not even be looked up.
  customer: z.object({ id: z.number().int().positive().max(2_147_483_647) }),
});

export interface BcJwtOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly storeHash: string;
  /** Clock skew allowed on exp/nbf/iat, seconds. */
  readonly clockToleranceSeconds?: number;
}

/**
 * Oldest `iat` accepted: BigCommerce's current-customer tokens live 15 minutes, so a token issued
 * longer ago than that (plus a minute) was minted with a longer `exp` than BigCommerce ever gives.
 */
export const maxTokenAgeSeconds = 16 * 60;

export type BcJwtVerifier = (token: string) => Promise<number | undefined>;

/**
 * Verifies BigCommerce current-customer JWTs (HS256/HS512 only, signed with the app's client
 * secret) and returns the BigCommerce customer id, or undefined for any invalid token. The key is
 * encoded once per verifier, not per request.
 */
export function createBcJwtVerifier(options: BcJwtOptions): BcJwtVerifier {
  const key = new TextEncoder().encode(options.clientSecret);
  const verifyOptions = {
    algorithms: ['HS256', 'HS512'],
    audience: options.clientId,
    issuer: 'bc/apps',
    requiredClaims: ['exp', 'iat'],
    clockTolerance: options.clockToleranceSeconds ?? 30,
    // jose refuses an `iat` older than maxTokenAge and, with it set, one in the future beyond the tolerance.
    maxTokenAge: maxTokenAgeSeconds,
  };
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, verifyOptions);
      const claims = currentCustomerClaims.safeParse(payload);
      if (!claims.success || claims.data.store_hash !== options.storeHash) return undefined;
      return claims.data.customer.id;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
      throw error;
    }
  };
}
