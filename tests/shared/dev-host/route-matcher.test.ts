import { describe, expect, it } from 'vitest';
import { createRouteMatcher } from '../../../shared/dev-host/route-matcher';
import type { RouteDefinition } from '../../../shared/composition/app-routes';
import { operations } from '../../../shared/http/operations';

const route = (name: string, template: string, methods: RouteDefinition['methods'] = ['GET', 'OPTIONS']): RouteDefinition => ({
  name,
  route: template,
  methods,
  endpoint: { operation: operations.health, handle: async () => ({ kind: 'data', data: {} }) },
});

describe('Functions route-template matching', () => {
  const match = createRouteMatcher([
    route('catch-all', 'v1/{*rest}', ['GET', 'POST', 'DELETE', 'OPTIONS']),
    route('order', 'v1/orders/{orderId}'),
    route('orders', 'v1/orders'),
    route('openapi', 'v1/openapi.json'),
    route('literal', 'v1/orders/summary'),
  ]);

  it('prefers literal segments, then parameters, then the catch-all', () => {
    expect(match('GET', 'v1/orders')?.definition.name).toBe('orders');
    expect(match('GET', 'v1/orders/summary')?.definition.name).toBe('literal');
    expect(match('GET', 'v1/orders/42')).toMatchObject({ definition: { name: 'order' }, params: { orderId: '42' } });
    expect(match('GET', 'v1/openapi.json')?.definition.name).toBe('openapi');
    expect(match('GET', 'v1/a/b/c')).toMatchObject({ definition: { name: 'catch-all' }, params: { rest: 'a/b/c' } });
  });

  it('honours methods, case-insensitive literals and decoding', () => {
    expect(match('DELETE', 'v1/orders')?.definition.name).toBe('catch-all');
    expect(match('PATCH', 'v1/orders')).toBeUndefined();
    expect(match('GET', 'V1/ORDERS')?.definition.name).toBe('orders');
    expect(match('GET', 'v1/orders/a%20b')?.params).toEqual({ orderId: 'a b' });
    expect(match('GET', 'v1/orders/%E0%A4%A')?.definition).toBeUndefined();
  });
});
