import { describe, expect, it } from 'vitest';
import { createCorsPolicy } from '../../../shared/http/cors';

describe('cors', () => {
  it('admits preflights only for exactly the allowed methods', () => {
    const cors = createCorsPolicy(['https://shop.example.com']);
    const preflight = (method: string) => cors.preflightHeaders('https://shop.example.com', method) !== undefined;
    expect(['GET', 'post', 'OPTIONS'].map(preflight)).toEqual([true, true, true]);
    expect(['T', 'GE', 'ST', ', ', 'GET, POST', 'DELETE', ''].map(preflight)).toEqual([false, false, false, false, false, false, false]);
  });
});
