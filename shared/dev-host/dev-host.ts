import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvocationContext } from '@azure/functions';
import type { Settings } from '../config';
import type { PortalApp } from '../composition/create-app';
import { errorEnvelope } from '../http/envelope';
import { httpHandler } from '../http/endpoint';
import { firstCustomer } from '../mirror/queries/first-customer';
import { linkDemoCustomers } from '../mirror/queries/link-demo-customers';
import { createDemoStorefront } from '../../storefront/demo/demo-assets';
import { listLinkedCustomers } from '../mirror/links/list-linked-customers';
import { serveCurrentJwt, serveDemoLogin } from './demo-identity';
import { isDemoMode } from './demo-mode';
import { loadFunctionRoutes } from './load-functions';
import { toHttpRequest, writeResponse } from './node-adapter';
import { createRouteMatcher } from './route-matcher';

export interface DevHostOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Built by createApp from devHostSettings(…); its owner closes it. */
  readonly app: PortalApp;
}

export interface DevHost {
  readonly url: string;
  /** Effective settings, including generated demo credentials. */
  readonly settings: Settings;
  readonly demo: boolean;
  /** A customer number for the example call, when the mirror has any. */
  readonly exampleCustomer: string | undefined;
  close(): Promise<void>;
}

const notFoundBody = JSON.stringify(errorEnvelope('NOT_FOUND', 'Resource not found.'));

/** Serves the registered HTTP functions over node:http, with real HttpRequest/InvocationContext objects. */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const runtime = options.app;
  const { settings } = runtime;
  const demo = isDemoMode(settings);
  const mirror = await runtime.mirror();
  if (demo) await linkDemoCustomers(mirror.db);
  const routes = await loadFunctionRoutes();
  const match = createRouteMatcher(routes);
  const handlers = new Map(routes.map((route) => [route, httpHandler(route.endpoint, () => runtime.api)]));
  const storefront = demo
    ? createDemoStorefront({
        appClientId: settings.BC_CLIENT_ID as string,
        customers: async () => listLinkedCustomers((await runtime.mirror()).db, 8),
      })
    : undefined;

  async function serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(message.url ?? '/', `http://${message.headers.host ?? 'localhost'}`);
    if (demo && url.pathname === '/customer/current.jwt') {
      return serveCurrentJwt(message, url, response, settings, async () => (await runtime.mirror()).db);
    }
    if (demo && url.pathname === '/demo/login') return serveDemoLogin(url, response);
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
    const request = await toHttpRequest(message, url, route.params);
    const context = new InvocationContext({ invocationId: randomUUID(), functionName: route.definition.name });
    const handler = handlers.get(route.definition);
    if (!handler) throw new Error(`No handler bound for ${route.definition.name}`);
    await writeResponse(await handler(request, context), response);
  }

  const server = createServer((message, response) => {
    serve(message, response).catch((error: unknown) => {
      console.error('dev host: request failed', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(errorEnvelope('INTERNAL', 'An unexpected error occurred.')));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    settings,
    demo,
    exampleCustomer: await firstCustomer(mirror.db),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
