import { app, type HttpMethod } from '@azure/functions';
import { httpHandler, type Endpoint, type EndpointInput, type EndpointResult } from '../http/endpoint';
import type { Operation } from '../http/operations';
import type { AppApi } from './app-api';
import { hostedApp } from './hosted-app';

export type AppEndpoint = Endpoint<AppApi>;

/** One HTTP function as registered with the Functions host; the dev host serves the same list. */
export interface RouteDefinition {
  readonly name: string;
  /** Route template under the `api` prefix, e.g. `v1/orders/{orderId}`. */
  readonly route: string;
  readonly methods: readonly HttpMethod[];
  readonly endpoint: AppEndpoint;
}

const routes: RouteDefinition[] = [];
let registerWithHost = true;

/** Defines a function's endpoint against the app's `api`. */
export const endpoint = (operation: Operation, handle: (input: EndpointInput<AppApi>) => Promise<EndpointResult>): AppEndpoint => ({
  operation,
  handle,
});

/**
 * Records a function in the route table and registers it with the Functions host, bound to the
 * host process's app. Every function is anonymous at the host: authentication happens in the app
 * (a function key in storefront JavaScript would be public anyway). OPTIONS is always accepted for
 * CORS preflight.
 */
export function registerHttpRoute(definition: AppEndpoint): void {
  const { operation } = definition;
  const methods: HttpMethod[] = [...operation.methods, 'OPTIONS'];
  routes.push({ name: operation.name, route: operation.route, methods, endpoint: definition });
  if (registerWithHost) {
    app.http(operation.name, {
      route: operation.route,
      methods,
      authLevel: 'anonymous',
      handler: httpHandler(definition, () => hostedApp().api),
    });
  }
}

/** Outside the Functions host (dev host, tests), only record routes: the host registration would just warn. */
export function recordRoutesOnly(): void {
  registerWithHost = false;
}

export const routeTable = (): readonly RouteDefinition[] => routes;
