import { SignJWT } from 'jose';
import { clientSecret, testEnvironment } from '../../functions/helpers/invoke';

/** A bearer token and who, if anyone, it should authenticate as. */
export interface TokenCase {
  readonly label: string;
  readonly token: string;
  /** The BigCommerce customer id the API must accept it for; undefined when it must be refused. */
  readonly acceptedAs: number | undefined;
}

type Claims = Record<string, unknown>;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** BigCommerce's current-customer claims for `bcCustomerId`, valid for the test app and store. */
export function currentCustomerClaims(bcCustomerId: unknown, overrides: Claims = {}): Claims {
  const now = Math.floor(Date.now() / 1000);
  return {
    customer: { id: bcCustomerId, email: 'buyer@example.com', group_id: '0' },
    store_hash: testEnvironment.BC_STORE_HASH,
    operation: 'current_customer',
    application_id: testEnvironment.BC_CLIENT_ID,
    version: 1,
    iss: 'bc/apps',
    aud: testEnvironment.BC_CLIENT_ID,
    sub: testEnvironment.BC_STORE_HASH,
    iat: now,
    exp: now + 900,
    ...overrides,
  };
}

/** Signs claims as they are (no defaults added), so forged shapes stay exactly as written. */
export function signClaims(claims: Claims, options: { alg?: 'HS256' | 'HS384' | 'HS512'; secret?: string } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(options.secret ?? clientSecret));
}

/** A valid token for a linked customer, as the storefront would fetch it. */
export const validToken = (bcCustomerId: number): Promise<string> => signClaims(currentCustomerClaims(bcCustomerId));

/**
 * Tokens the API must refuse, and a few unusual ones it must accept, for a customer `bcCustomerId`
 * whose data another customer (`otherBcId`) must never reach through them.
 */
export async function forgedTokens(bcCustomerId: number, otherBcId: number, unlinkedBcId: number): Promise<TokenCase[]> {
  const now = Math.floor(Date.now() / 1000);
  const claims = currentCustomerClaims(bcCustomerId);
  const good = await signClaims(claims);
  const [header, , signature] = good.split('.');
  const refused = async (label: string, overrides: Claims, options?: Parameters<typeof signClaims>[1]): Promise<TokenCase> => ({
    label,
    token: await signClaims({ ...claims, ...overrides }, options),
    acceptedAs: undefined,
  });
  const raw = (label: string, token: string): TokenCase => ({ label, token, acceptedAs: undefined });
  return [
    { label: 'valid HS512', token: await signClaims(claims, { alg: 'HS512' }), acceptedAs: bcCustomerId },
    { label: 'expired within clock skew', token: await signClaims({ ...claims, exp: now - 5 }), acceptedAs: bcCustomerId },
    await refused('wrong secret', {}, { secret: `${clientSecret}x` }),
    await refused('HS384 (not allowed)', {}, { alg: 'HS384' }),
    await refused('expired', { exp: now - 3600 }),
    await refused('not yet valid', { nbf: now + 3600 }),
    await refused('no exp', { exp: undefined }),
    await refused('no iat', { iat: undefined }),
    await refused('wrong audience', { aud: 'another-app' }),
    await refused('wrong issuer', { iss: 'bc/other' }),
    await refused('wrong store', { store_hash: 'store2' }),
    await refused('wrong operation', { operation: 'customer_login' }),
    await refused('no customer', { customer: undefined }),
    await refused('customer id as text', { customer: { id: String(bcCustomerId) } }),
    await refused('customer id zero', { customer: { id: 0 } }),
    await refused('customer id negative', { customer: { id: -bcCustomerId } }),
    await refused('customer id fraction', { customer: { id: bcCustomerId + 0.5 } }),
    await refused('customer id beyond int32', { customer: { id: 2 ** 31 + bcCustomerId } }),
    await refused('customer id beyond 2^53', { customer: { id: 2 ** 60 } }),
    await refused('unlinked customer', { customer: { id: unlinkedBcId } }),
    raw('alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`),
    raw('alg none, no dot', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}`),
    raw('payload swapped to another customer', `${header}.${b64(currentCustomerClaims(otherBcId))}.${signature}`),
    raw('signature stripped', `${header}.${good.split('.')[1]}.`),
    raw('truncated', good.slice(0, -3)),
    raw('two parts', `${header}.${signature}`),
    raw('garbage', 'not-a-jwt'),
    raw('empty header json', `${b64({})}.${b64(claims)}.${signature}`),
    raw('JWE-shaped', `${header}.a.b.c.d`),
  ];
}
