import './helpers/record-routes-only';
import { beforeAll, describe, expect, it } from 'vitest';
import { healthGet } from '../../functions/health-get';
import { healthLive } from '../../functions/health-live';
import { openApiDocument } from '../../shared/http/openapi';
import { routeTable } from '../../shared/composition/app-routes';
import { invoke, useTestApi } from './helpers/invoke';

describe('GET /v1/health/live (the platform health check path)', () => {
  let mirrorOpens = 0;

  beforeAll(() => {
    // A mirror that is down: every attempt to reach it fails, as during a database outage.
    useTestApi(() => {
      mirrorOpens += 1;
      return Promise.reject(new Error('mirror unreachable'));
    });
  });

  it('answers 200 while the mirror is down, without touching any database', async () => {
    const answer = await invoke(healthLive, 'v1/health/live');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ success: true, data: { status: 'alive' } });
    expect(mirrorOpens).toBe(0);
  });

  it('leaves mirror reachability to /v1/health, which answers 503 meanwhile', async () => {
    const answer = await invoke(healthGet, 'v1/health');
    expect(answer.status).toBe(503);
    expect(answer.json.data).toMatchObject({ status: 'unavailable', mirror: 'unreachable' });
    expect(mirrorOpens).toBeGreaterThan(0);
  });

  it('is an anonymous GET in the route table and the OpenAPI document', () => {
    expect(routeTable().find((route) => route.name === 'health-live')).toMatchObject({
      route: 'v1/health/live',
      methods: ['GET', 'OPTIONS'],
    });
    const paths = openApiDocument().paths as Record<string, { get?: { security?: unknown[] } }>;
    expect(paths['/v1/health/live']?.get).toBeDefined();
  });
});
