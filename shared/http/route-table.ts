import { app, type HttpHandler, type HttpMethod } from '@azure/functions';
import type { Operation } from './operations';

/** One HTTP function as registered with the Functions host; the dev host serves the same list. */
export interface RouteDefinition {
  readonly name: string;
  /** Route template under the `api` prefix, e.g. `v1/orders/{orderId}`. */
  readonly route: string;
  readonly methods: readonly HttpMethod[];
  readonly handler: HttpHandler;
}

const routes: RouteDefinition[] = [];
let registerWithHost = true;

/**
 * Records a function in the route table and registers it with the Functions host. Every function is
 * anonymous at the host: authentication happens in the app (a function key in storefront
 * JavaScript would be public anyway). OPTIONS is always accepted for CORS preflight.
 */
export function registerHttpRoute(operation: Operation, handler: HttpHandler): void {
  const methods: HttpMethod[] = [...operation.methods, 'OPTIONS'];
  const definition: RouteDefinition = { name: operation.name, route: operation.route, methods, handler };
  routes.push(definition);
  if (registerWithHost) app.http(operation.name, { route: operation.route, methods, authLevel: 'anonymous', handler });
}

/** Outside the Functions host (dev host), only record routes: the host registration would just warn. */
export function recordRoutesOnly(): void {
  registerWithHost = false;
}

export const routeTable = (): readonly RouteDefinition[] => routes;
