// First: starts the telemetry distro before the modules it instruments load (see hosted-telemetry.ts).
import './hosted-telemetry';
import { app, type HttpMethod } from '@azure/functions';
import { httpHandler, type Endpoint, type EndpointInput, type EndpointResult } from '../http/endpoint';
import type { Operation } from '../http/operations';
import type { AppApi } from './app-api';
import { hostedApp } from './hosted-app';

/** A function's endpoint against the app's `api`; `O` keeps its operation's literal route and methods. */
export type AppEndpoint<O extends Operation = Operation> = Endpoint<AppApi> & { readonly operation: O };

/** One HTTP function as registered with the Functions host; the dev host serves the same list. */
export interface RouteDefinition {
  readonly name: string;
  /** Route template under the `api` prefix, e.g. `v1/orders/{orderId}`. */
  readonly route: string;
  readonly methods: readonly HttpMethod[];
  readonly endpoint: AppEndpoint;
}

/**
 * The options of `app.http` as a function file writes them. The types hold them to the function's
 * operation (which the OpenAPI document describes), so the file shows its route and cannot drift
 * from it. OPTIONS is always accepted, for CORS preflight. Every function is anonymous at the host:
 * authentication happens in the app (a function key in storefront JavaScript would be public anyway).
 */
export interface HttpRegistration<O extends Operation> {
  readonly route: O['route'];
  readonly methods: readonly [...O['methods'], 'OPTIONS'];
  readonly authLevel: 'anonymous';
  readonly handler: AppEndpoint<O>;
}

const routes: RouteDefinition[] = [];
let registerWithHost = true;

/** Defines a function's endpoint against the app's `api`. */
export const endpoint = <O extends Operation>(
  operation: O,
  handle: (input: EndpointInput<AppApi>) => Promise<EndpointResult>,
): AppEndpoint<O> => ({ operation, handle });

/**
 * Records a function in the route table and registers it with the Functions host, as `app.http`
 * would, bound to the host process's app.
 */
export function registerHttpRoute<O extends Operation>(name: NoInfer<O['name']>, options: HttpRegistration<O>): void {
  const { route, authLevel, handler } = options;
  const methods: HttpMethod[] = [...options.methods];
  routes.push({ name, route, methods, endpoint: handler });
  if (registerWithHost) app.http(name, { route, methods, authLevel, handler: httpHandler(handler, () => hostedApp().api) });
}

/**
 * Registers a timer or queue trigger with the Functions host, given the host's `app`. After
 * recordRoutesOnly it registers nothing.
 */
export function registerTrigger(register: (host: typeof app) => void): void {
  if (registerWithHost) register(app);
}

/**
 * Outside the Functions host (dev host, tests), only record routes and register no trigger: the
 * first registration would find no runtime and switch `@azure/functions` to "test mode", with a
 * warning for that and for every function it then skips.
 */
export function recordRoutesOnly(): void {
  registerWithHost = false;
}

export const routeTable = (): readonly RouteDefinition[] => routes;
