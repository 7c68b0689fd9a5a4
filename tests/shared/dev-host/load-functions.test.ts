import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFunctionRoutes } from '../../../shared/dev-host/load-functions';

afterEach(() => vi.restoreAllMocks());

describe('loadFunctionRoutes', () => {
  it('loads every function module without tripping @azure/functions into test mode', async () => {
    // `npm start` once printed five of these: one for the switch, one per timer and queue trigger skipped.
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
    const routes = await loadFunctionRoutes();
    expect(routes.map((route) => route.name)).toContain('orders-list');
    expect(warnings.filter((line) => line.includes('test mode'))).toEqual([]);
  });
});
