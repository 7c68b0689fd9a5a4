import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { Settings } from '../config';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { normalizeErpCustomerNumber } from '../erp/customer-number';
import { findCustomerLink } from './queries/find-customer-link';
import { cookieValue } from './request-target';

export const demoCookie = 'demo_customer';
const demoStorefrontPath = '/storefront/';
const tokenLifetimeSeconds = 15 * 60;

const text = (response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(body);
};

/** Claims shaped like BigCommerce's current-customer token. */
export async function mintCurrentCustomerJwt(settings: Settings, bcCustomerId: number, custNo: string): Promise<string> {
  const clientId = settings.BC_CLIENT_ID as string;
  const storeHash = settings.BC_STORE_HASH as string;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    customer: { id: bcCustomerId, email: `buyer-${custNo.toLowerCase()}@demo.example`, group_id: '0' },
    version: 1,
    application_id: clientId,
    store_hash: storeHash,
    operation: 'current_customer',
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('bc/apps')
    .setSubject(storeHash)
    .setAudience(clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + tokenLifetimeSeconds)
    .sign(new TextEncoder().encode(settings.BC_CLIENT_SECRET as string));
}

/**
 * The local stand-in for the storefront's `/customer/current.jwt?app_client_id=…`: the raw JWT for
 * the customer chosen by `&erp=<cust_no>` or the demo login cookie, 404 when nobody is logged in.
 */
export async function serveCurrentJwt(
  message: IncomingMessage,
  url: URL,
  response: ServerResponse,
  settings: Settings,
  mirror: () => Promise<Kysely<MirrorDatabase>>,
): Promise<void> {
  if (url.searchParams.get('app_client_id') !== settings.BC_CLIENT_ID) return text(response, 400, 'Unknown app_client_id.');
  const requested = url.searchParams.get('erp') ?? cookieValue(message, demoCookie);
  const custNo = requested === undefined ? undefined : normalizeErpCustomerNumber(requested);
  if (custNo === undefined) return text(response, 404, 'Not logged in.');
  const bcCustomerId = await findCustomerLink(await mirror(), custNo);
  if (bcCustomerId === undefined) return text(response, 404, 'Not logged in.');
  text(response, 200, await mintCurrentCustomerJwt(settings, bcCustomerId, custNo), { 'Content-Type': 'application/jwt' });
}

/**
 * `/demo/login?erp=<cust_no>` sets the demo login cookie (without `erp` it logs out), then sends the
 * browser on to the storefront demo, where that customer's tabs are: the link `npm start` prints is
 * opened in a browser, so it must not end on a page with no way on.
 */
export function serveDemoLogin(url: URL, response: ServerResponse): void {
  const custNo = url.searchParams.get('erp')?.trim();
  const cookie = custNo
    ? `${demoCookie}=${encodeURIComponent(custNo)}; Path=/; HttpOnly; SameSite=Lax`
    : `${demoCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  text(response, 303, custNo ? `Logged in as ERP customer ${custNo}: /storefront/` : 'Logged out: /storefront/', {
    'Set-Cookie': cookie,
    Location: demoStorefrontPath,
  });
}
