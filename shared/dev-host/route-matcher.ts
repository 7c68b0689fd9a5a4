import type { HttpMethod } from '@azure/functions';
import type { RouteDefinition } from '../composition/app-routes';

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'catch-all'; readonly name: string };

interface CompiledRoute {
  readonly definition: RouteDefinition;
  readonly segments: readonly Segment[];
}

export interface RouteMatch {
  readonly definition: RouteDefinition;
  readonly params: Record<string, string>;
}

/** A route whose sample path an earlier route (in the host's order) answers instead. */
export interface ShadowedRoute {
  readonly shadowed: string;
  readonly by: string;
  readonly method: HttpMethod;
  readonly path: string;
}

function compile(definition: RouteDefinition): CompiledRoute {
  const segments = definition.route
    .split('/')
    .filter((part) => part.length > 0)
    .map((part): Segment => {
      const param = /^\{(\*?)([A-Za-z0-9_]+)(?::[^}]*)?\??\}$/.exec(part);
      if (!param) return { kind: 'literal', text: part.toLowerCase() };
      return { kind: param[1] ? 'catch-all' : 'param', name: param[2] ?? '' };
    });
  return { definition, segments };
}

/** .NET's StringComparer.OrdinalIgnoreCase on ASCII names: code units after upper-casing. */
function ordinalIgnoreCase(a: string, b: string): number {
  const [x, y] = [a.toUpperCase(), b.toUpperCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The Functions host's route order: its function metadata is sorted by name (OrdinalIgnoreCase, in
 * FunctionMetadataManager) and the routes are added in that order, first match wins. ASP.NET Core's
 * "literal beats parameter beats catch-all" precedence does not apply (azure-functions-host#9876).
 */
export function inHostOrder<T extends { readonly name: string }>(definitions: readonly T[]): T[] {
  return [...definitions].sort((a, b) => ordinalIgnoreCase(a.name, b.name));
}

function matchSegments(route: CompiledRoute, parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i += 1) {
    const segment = route.segments[i] as Segment;
    if (segment.kind === 'catch-all') {
      params[segment.name] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' ? segment.text !== part.toLowerCase() : false) return undefined;
    if (segment.kind === 'param') params[segment.name] = part;
  }
  return parts.length === route.segments.length ? params : undefined;
}

/**
 * Functions route-template matching for the dev host: `{name}` takes one segment, `{*name}` the
 * rest, and routes are tried in the host's order (by function name), so `npm start` answers each
 * path with the function Azure would run.
 */
export function createRouteMatcher(definitions: readonly RouteDefinition[]) {
  const routes = inHostOrder(definitions).map(compile);
  return (method: string, path: string): RouteMatch | undefined => {
    let parts: string[];
    try {
      parts = path.split('/').filter((part) => part.length > 0).map(decodeURIComponent);
    } catch {
      return undefined;
    }
    for (const route of routes) {
      if (!route.definition.methods.includes(method.toUpperCase() as HttpMethod)) continue;
      const params = matchSegments(route, parts);
      if (params) return { definition: route.definition, params };
    }
    return undefined;
  };
}

/** A path the route answers: `1` for each parameter, `a/b` for a catch-all. */
const samplePath = (route: string) => route.replace(/\{\*[^}]+\}/g, 'a/b').replace(/\{[^}]+\}/g, '1');

/**
 * Every route that an earlier route in the host's order answers instead, per method: such a
 * function is unreachable in Azure whatever the dev host did.
 */
export function shadowedRoutes(definitions: readonly RouteDefinition[]): ShadowedRoute[] {
  const match = createRouteMatcher(definitions);
  return definitions.flatMap((definition) =>
    definition.methods.flatMap((method) => {
      const path = samplePath(definition.route);
      const winner = match(method, path)?.definition.name;
      return winner && winner !== definition.name ? [{ shadowed: definition.name, by: winner, method, path }] : [];
    }),
  );
}
