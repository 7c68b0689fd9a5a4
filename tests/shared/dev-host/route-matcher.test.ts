import { describe, expect, it } from 'vitest';
import { createRouteMatcher, inHostOrder, shadowedRoutes } from '../../../shared/dev-host/route-matcher';
import { loadFunctionRoutes } from '../../../shared/dev-host/load-functions';
import type { RouteDefinition } from '../../../shared/composition/app-routes';
import { operations } from '../../../shared/http/operations';

const route = (name: string, template: string, methods: RouteDefinition['methods'] = ['GET', 'OPTIONS']): RouteDefinition => ({
  name,
  route: template,
  methods,
  endpoint: { operation: operations.health, handle: async () => ({ kind: 'data', data: {} }) },
});

describe('Functions route-template matching, in the host’s order', () => {
  const match = createRouteMatcher([
    route('z-catch-all', 'v1/{*rest}', ['GET', 'POST', 'DELETE', 'OPTIONS']),
    route('order', 'v1/orders/{orderId}'),
    route('orders', 'v1/orders'),
    route('openapi', 'v1/openapi.json'),
    route('a-summary', 'v1/orders/summary'),
  ]);

  it('sorts function names as .NET’s OrdinalIgnoreCase does (upper-cased code units: “_” after letters)', () => {
    const names = inHostOrder([{ name: 'orders-list' }, { name: 'erpSync' }, { name: 'Order-get' }, { name: 'order_x' }, { name: 'zz-not-found' }]);
    expect(names.map((n) => n.name)).toEqual(['erpSync', 'Order-get', 'orders-list', 'order_x', 'zz-not-found']);
  });

  it('takes the first route, by function name, whose template matches', () => {
    expect(match('GET', 'v1/orders')?.definition.name).toBe('orders');
    expect(match('GET', 'v1/orders/summary')?.definition.name).toBe('a-summary');
    expect(match('GET', 'v1/orders/42')).toMatchObject({ definition: { name: 'order' }, params: { orderId: '42' } });
    expect(match('GET', 'v1/openapi.json')?.definition.name).toBe('openapi');
    expect(match('GET', 'v1/a/b/c')).toMatchObject({ definition: { name: 'z-catch-all' }, params: { rest: 'a/b/c' } });
  });

  it('lets a parameter route that sorts first answer a literal path, as the host does', () => {
    const hostOrder = createRouteMatcher([route('a-order', 'v1/orders/{orderId}'), route('b-summary', 'v1/orders/summary')]);
    expect(hostOrder('GET', 'v1/orders/summary')?.definition.name).toBe('a-order');
  });

  it('honours methods, case-insensitive literals and decoding', () => {
    expect(match('DELETE', 'v1/orders')?.definition.name).toBe('z-catch-all');
    expect(match('PATCH', 'v1/orders')).toBeUndefined();
    expect(match('GET', 'V1/ORDERS')?.definition.name).toBe('orders');
    expect(match('GET', 'v1/orders/a%20b')?.params).toEqual({ orderId: 'a b' });
    expect(match('GET', 'v1/orders/%E0%A4%A')?.definition).toBeUndefined();
  });
});

describe('no route of the app is shadowed in the host’s order', () => {
  it('every function answers a sample path of its own route', async () => {
    expect(shadowedRoutes(await loadFunctionRoutes())).toEqual([]);
  });

  it('finds the routes the catch-all took while it was named `not-found` (nine then, and the quote routes since)', async () => {
    const named = (await loadFunctionRoutes()).map((r) => (r.name === operations.notFound.name ? { ...r, name: 'not-found' } : r));
    const shadowed = shadowedRoutes(named).filter((s) => s.method !== 'OPTIONS');
    expect(shadowed.every((s) => s.by === 'not-found')).toBe(true);
    expect(shadowed.map((s) => `${s.method} ${s.path}`).sort()).toEqual([
      'GET v1/openapi.json',
      'GET v1/orders',
      'GET v1/orders/1',
      'GET v1/orders/1/pdf',
      'GET v1/products',
      'GET v1/quotes',
      'GET v1/quotes/1',
      'GET v1/quotes/1/pdf',
      'GET v1/shipments',
      'GET v1/sync/status',
      'POST v1/sync/run',
    ]);
  });
});
