import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BigCommerceApiError, createBigCommerceClient } from '../../../shared/bigcommerce/bigcommerce-client';
import { retryDelayMs } from '../../../shared/bigcommerce/retry-delay';
import { FakeBigCommerce, rateLimited } from './fake-bigcommerce';

const token = 'test-token-not-a-secret';

describe('BigCommerce client against a local fake', () => {
  let fake: FakeBigCommerce;
  let baseUrl: string;
  const slept: number[] = [];
  const client = () =>
    createBigCommerceClient({
      storeHash: 'abc123',
      apiToken: token,
      baseUrl,
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 60_000 },
      sleep: async (ms) => void slept.push(ms),
    });

  beforeEach(async () => {
    fake = new FakeBigCommerce('abc123', token);
    fake.attributes = [{ id: 7, name: 'erp_customer_number' }];
    baseUrl = await fake.start();
    slept.length = 0;
  });
  afterEach(() => fake.stop());

  it('sends the X-Auth-Token header to the store-scoped v3 path with the query', async () => {
    const body = await client().getJson('/customers/attributes', { name: 'erp_customer_number', page: 1 });
    expect(body).toMatchObject({ data: [{ id: 7 }] });
    const [request] = fake.requests;
    expect(request?.path).toBe('/customers/attributes');
    expect(request?.headers['x-auth-token']).toBe(token);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.query.get('name')).toBe('erp_customer_number');
  });

  it('waits out a 429 for exactly X-Rate-Limit-Time-Reset-Ms, then succeeds', async () => {
    fake.answerNext('/customers/attributes', rateLimited(1234));
    await expect(client().getJson('/customers/attributes')).resolves.toMatchObject({ data: [{ id: 7 }] });
    expect(slept).toEqual([1234]);
    expect(fake.requests).toHaveLength(2);
  });

  it('backs off exponentially on 5xx and gives up after the last attempt without leaking the token', async () => {
    fake.answerNext('/customers/attributes', { status: 502 }, { status: 503 }, { status: 503 });
    const failure = await client().getJson('/customers/attributes').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BigCommerceApiError);
    expect((failure as BigCommerceApiError).status).toBe(503);
    expect((failure as Error).message).not.toContain(token);
    expect(slept).toEqual([10, 20]);
  });

  it('does not retry a 401', async () => {
    const wrong = createBigCommerceClient({ storeHash: 'abc123', apiToken: 'wrong', baseUrl, sleep: async () => {} });
    await expect(wrong.getJson('/customers/attributes')).rejects.toMatchObject({ status: 401 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };
  const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

  it('uses Retry-After seconds when the reset header is missing, and caps long waits', () => {
    expect(retryDelayMs(response(429, { 'Retry-After': '2' }), 1, policy)).toBe(2000);
    expect(retryDelayMs(response(429, { 'X-Rate-Limit-Time-Reset-Ms': '999999' }), 1, policy)).toBe(30_000);
  });

  it('retries network errors, never 4xx, and stops at maxAttempts', () => {
    expect(retryDelayMs(undefined, 3, policy)).toBe(2000);
    expect(retryDelayMs(response(404), 1, policy)).toBeUndefined();
    expect(retryDelayMs(response(500), 5, policy)).toBeUndefined();
  });
});

describe('BigCommerce client and redirects', () => {
  it('refuses a redirect to another origin, naming its host, and never sends the token there', async () => {
    const received: string[] = [];
    const other = createServer((request, response) => {
      received.push(String(request.headers['x-auth-token']));
      response.end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const fake = new FakeBigCommerce('abc123', token);
    const baseUrl = await fake.start();
    try {
      for (const status of [301, 302, 307, 308]) {
        fake.answerNext('/customers/attributes', { status, headers: { location: `${otherOrigin}/collect?t=1` } });
        const client = createBigCommerceClient({ storeHash: 'abc123', apiToken: token, baseUrl, sleep: async () => undefined });
        const failure = await client.getJson('/customers/attributes').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(BigCommerceApiError);
        expect((failure as Error).message).toBe(
          `BigCommerce GET /customers/attributes answered HTTP ${status}, a redirect to ${new URL(otherOrigin).host}: refused, so the API token is never sent there`,
        );
        expect((failure as Error).message).not.toContain(token);
      }
      expect(received).toEqual([]);
    } finally {
      fake.stop();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
