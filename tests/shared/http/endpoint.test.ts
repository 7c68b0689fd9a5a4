import { describe, expect, it } from 'vitest';
import { ApiKeySet } from '../../../shared/http/api-key';
import { createAuthenticator } from '../../../shared/http/authenticate';
import { createBcJwtVerifier } from '../../../shared/http/bc-jwt';
import { clientAddress } from '../../../shared/http/client-address';
import { createCorsPolicy } from '../../../shared/http/cors';
import { httpHandler, type HttpPolicies } from '../../../shared/http/endpoint';
import { operations } from '../../../shared/http/operations';
import { createRateLimiter } from '../../../shared/http/rate-limiter';
import { Redactor } from '../../../shared/telemetry/redactor';
import { nullTelemetry } from '../../../shared/telemetry/telemetry';
import { clientSecret, customerToken, invoke, withToken } from '../../functions/helpers/invoke';

describe('endpoint pipeline', () => {
  it('rate-limits a storefront token before its customer link is read from the database', async () => {
    let linkLookups = 0;
    const policies: HttpPolicies = {
      authenticate: createAuthenticator({
        apiKeys: async () => new ApiKeySet([]),
        adminKeys: async () => new ApiKeySet([]),
        verifyJwt: async () => createBcJwtVerifier({ clientId: 'client-abc', clientSecret, storeHash: 'store1' }),
        linkedCustomer: async () => {
          linkLookups += 1;
          return 'C00001';
        },
      }),
      rateLimit: createRateLimiter({ perMinute: 1, burst: 2, now: () => 0 }),
      clientAddress: (headers) => clientAddress(headers),
      cors: createCorsPolicy([]),
      telemetry: nullTelemetry,
      redactor: new Redactor(() => []),
    };
    const handler = httpHandler({ operation: operations.me, handle: async ({ caller }) => ({ kind: 'data', data: caller }) }, () => policies);
    const headers = withToken(await customerToken(501));
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await invoke(handler, 'v1/me', { headers })).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    expect(linkLookups).toBe(2);
  });

  it('charges a PDF ten tokens: sixty at once from one buyer render six, the rest get 429 before any render', async () => {
    let renders = 0;
    const policies: HttpPolicies = {
      authenticate: createAuthenticator({
        apiKeys: async () => new ApiKeySet([]),
        adminKeys: async () => new ApiKeySet([]),
        verifyJwt: async () => createBcJwtVerifier({ clientId: 'client-abc', clientSecret, storeHash: 'store1' }),
        linkedCustomer: async () => 'C00001',
      }),
      // The settings' defaults: 120 a minute, a burst of 60.
      rateLimit: createRateLimiter({ perMinute: 120, burst: 60, now: () => 0 }),
      clientAddress: (headers) => clientAddress(headers),
      cors: createCorsPolicy([]),
      telemetry: nullTelemetry,
      redactor: new Redactor(() => []),
    };
    const handler = httpHandler(
      { operation: operations.invoicePdf, handle: async () => ((renders += 1), { kind: 'pdf', filename: 'x.pdf', body: new Uint8Array(1) }) },
      () => policies,
    );
    const headers = withToken(await customerToken(501));
    const answers = await Promise.all(Array.from({ length: 60 }, () => invoke(handler, 'v1/invoices/1/pdf', { headers, params: { invoiceNo: '1' } })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(6);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(54);
    expect(renders).toBe(6);
    expect(answers.map((answer) => answer.headers.get('x-content-type-options'))).toEqual(Array(60).fill('nosniff'));
    expect((await invoke(handler, 'v1/invoices/1/pdf', { headers })).headers.get('retry-after')).toBe('5');
  });
});
