import type { HttpMethod } from '@azure/functions';
import type { RouteDefinition } from '../composition/app-routes';

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'catch-all'; readonly name: string };

interface CompiledRoute {
  readonly definition: RouteDefinition;
  readonly segments: readonly Segment[];
  /** Per segment: 0 literal, 1 parameter, 2 catch-all (ASP.NET Core route precedence). */
  readonly rank: readonly number[];
}

export interface RouteMatch {
  readonly definition: RouteDefinition;
  readonly params: Record<string, string>;
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
  const rank = segments.map((s) => (s.kind === 'literal' ? 0 : s.kind === 'param' ? 1 : 2));
  return { definition, segments, rank };
}

function byPrecedence(a: CompiledRoute, b: CompiledRoute): number {
  for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i += 1) {
    const difference = (a.rank[i] ?? -1) - (b.rank[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
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
 * rest; literal segments beat parameters, which beat catch-alls, as in the Functions host.
 */
export function createRouteMatcher(definitions: readonly RouteDefinition[]) {
  const routes = definitions.map(compile).sort(byPrecedence);
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
