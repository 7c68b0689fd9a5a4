import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvocationContext } from '@azure/functions';
import type { Settings } from '../config';
import type { CatalogSyncSummary } from '../bigcommerce/sync-catalog-variants';
import type { PortalApp } from '../composition/create-app';
import { errorEnvelope } from '../http/envelope';
import type { ErrorCode } from '../http/api-error';
import { httpHandler } from '../http/endpoint';
import { linkDemoCustomers } from './queries/link-demo-customers';
import { listLinkedCustomers } from './queries/list-linked-customers';
import { showcaseCustomer, type ShowcaseCustomer } from './queries/showcase-customer';
import { serveCurrentJwt, serveDemoLogin } from './demo-identity';
import { serveDemoManagementApi } from './demo-bigcommerce-api';
import { createDemoCarts } from './demo-cart';
import { serveDemoCartPage } from './demo-cart-page';
import { syncDemoCatalog } from './demo-catalog-sync';
import { demoSellerName, isDemoMode } from './demo-mode';
import { BadRequest, demoHostAllowed, requestUrl } from './request-target';
import { listenOn } from './listen-port';
import { loadFunctionRoutes } from './load-functions';
import { toHttpRequest, writeResponse } from './node-adapter';
import { createRouteMatcher } from './route-matcher';

export interface DevHostOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Built by createApp from devHostSettings(…); its owner closes it. */
  readonly app: PortalApp;
  /** The demo storefront's pages, served in demo mode; none when absent. */
  readonly storefront?: DemoStorefrontFactory;
}

/**
 * Builds the demo storefront (storefront/demo/demo-assets.ts). Passed in by scripts/dev-host.ts
 * because the storefront bundles with esbuild, a build tool the host itself must not load.
 */
export type DemoStorefrontFactory = (options: {
  readonly appClientId: string;
  /** The seller the PDFs print, so the demo's pages name the same one. */
  readonly sellerName: string;
  customers(): Promise<readonly ShowcaseCustomer[]>;
}) => (pathname: string) => Promise<{ readonly body: Buffer; readonly contentType: string } | undefined>;

export interface DevHost {
  readonly url: string;
  /** The interface the server listens on (HOST): loopback unless deliberately widened. */
  readonly listenAddress: string;
  /** Effective settings, including generated demo credentials. */
  readonly settings: Settings;
  readonly demo: boolean;
  /** Demo mode: the catalog sync run against the demo store's stand-in at start. */
  readonly demoCatalog?: CatalogSyncSummary;
  /** The customer number the printed examples use (see showcaseCustomer), when the mirror has one. */
  readonly exampleCustomer: string | undefined;
  close(): Promise<void>;
}

const demoLoginChoices = 8;
const notFoundBody = JSON.stringify(errorEnvelope('NOT_FOUND', 'Resource not found.'));

function writeError(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(errorEnvelope(code, message)));
}

/** Serves the registered HTTP functions over node:http, with real HttpRequest/InvocationContext objects. */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const runtime = options.app;
  const { settings } = runtime;
  const demo = isDemoMode(settings);
  const mirror = await runtime.mirror();
  // Demo links replace customer_link wholesale: only ever on an embedded mirror.
  if (demo && mirror.dialect === 'pglite') await linkDemoCustomers(mirror.db);
  const example = await showcaseCustomer(mirror.db, settings.QUOTE_ORDER_TYPES);
  // The demo store's stand-ins: its management API (for the catalog sync) and its cart.
  const demoApiToken = randomBytes(16).toString('hex');
  const carts = createDemoCarts();
  const routes = await loadFunctionRoutes();
  const match = createRouteMatcher(routes);
  const handlers = new Map(routes.map((route) => [route, httpHandler(route.endpoint, () => runtime.api)]));
  const storefront =
    demo && options.storefront
      ? options.storefront({
          appClientId: settings.BC_CLIENT_ID as string,
          sellerName: settings.DOCUMENT_SELLER_NAME ?? demoSellerName,
          // The customer the printed examples use comes first, then others with orders.
          customers: async () => {
            const linked = await listLinkedCustomers((await runtime.mirror()).db, demoLoginChoices);
            return example ? [example, ...linked.filter((c) => c.custNo !== example.custNo)].slice(0, demoLoginChoices) : linked;
          },
        })
      : undefined;

  async function serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    // Every answer, the demo's pages and stand-ins included, as the functions' own answers carry it.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const url = requestUrl(message);
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach the demo's token minting.
    if (demo && !demoHostAllowed(url)) return writeError(response, 421, 'FORBIDDEN', 'The demo host answers only localhost.');
    if (demo && url.pathname === '/customer/current.jwt') {
      return serveCurrentJwt(message, url, response, settings, async () => (await runtime.mirror()).db);
    }
    if (demo && url.pathname === '/demo/login') return serveDemoLogin(url, response);
    if (demo && url.pathname.startsWith('/stores/')) {
      return serveDemoManagementApi(message, url, response, settings.BC_STORE_HASH as string, demoApiToken);
    }
    if (demo && url.pathname.startsWith('/api/storefront/')) return carts.serve(message, url, response);
    if (demo && url.pathname === '/cart.php') return serveDemoCartPage(response, carts.current(message), settings.DOCUMENT_SELLER_NAME ?? demoSellerName);
    if (demo && url.pathname === '/') {
      response.writeHead(302, { Location: '/storefront/' });
      response.end();
      return;
    }
    const asset = storefront && url.pathname.startsWith('/storefront') ? await storefront(url.pathname) : undefined;
    if (asset) {
      response.writeHead(200, { 'Content-Type': asset.contentType, 'Cache-Control': 'no-store' });
      response.end(asset.body);
      return;
    }
    const route = url.pathname.startsWith('/api/') ? match(message.method ?? 'GET', url.pathname.slice(5)) : undefined;
    if (!route) {
      response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(notFoundBody);
      return;
    }
    const request = toHttpRequest(message, url, route.params);
    const context = new InvocationContext({ invocationId: randomUUID(), functionName: route.definition.name });
    const handler = handlers.get(route.definition);
    if (!handler) throw new Error(`No handler bound for ${route.definition.name}`);
    await writeResponse(await handler(request, context), response);
  }

  const server = createServer((message, response) => {
    serve(message, response).catch((error: unknown) => {
      if (error instanceof BadRequest) return writeError(response, 400, 'VALIDATION_FAILED', error.message);
      console.error('dev host: request failed', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(errorEnvelope('INTERNAL', 'An unexpected error occurred.')));
    });
  });
  await listenOn(server, options.port, settings.HOST);
  const { port, address } = server.address() as AddressInfo;
  // Like the demo links, the demo catalog replaces catalog_variant wholesale: only in an embedded mirror.
  let demoCatalog: CatalogSyncSummary | undefined;
  if (demo && mirror.dialect === 'pglite') {
    demoCatalog = await syncDemoCatalog(runtime, `http://127.0.0.1:${port}`, demoApiToken).catch(async (error: unknown) => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    });
  }
  return {
    url: `http://localhost:${port}`,
    listenAddress: address,
    settings,
    demo,
    ...(demoCatalog ? { demoCatalog } : {}),
    exampleCustomer: example?.custNo,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
