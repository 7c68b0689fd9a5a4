import { HttpRequest, InvocationContext } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { ApiKeySet } from '../../../shared/http/api-key';
import { createAuthenticator } from '../../../shared/http/authenticate';
import { clientAddress } from '../../../shared/http/client-address';
import { createCorsPolicy } from '../../../shared/http/cors';
import { httpHandler, type HttpPolicies } from '../../../shared/http/endpoint';
import { operations } from '../../../shared/http/operations';
import { createRateLimiter } from '../../../shared/http/rate-limiter';
import { maxRequestBodyBytes } from '../../../shared/http/request-body';
import { Redactor } from '../../../shared/telemetry/redactor';
import { nullTelemetry } from '../../../shared/telemetry/telemetry';

const admin = 'admin-key-0123456789abcdef0123456789';

/** The sync/run pipeline with a recording handler; the body reaches it only through the pipeline. */
function pipeline() {
  const seen: number[] = [];
  const policies: HttpPolicies = {
    authenticate: createAuthenticator({
      apiKeys: async () => new ApiKeySet([]),
      adminKeys: async () => new ApiKeySet([admin]),
      verifyJwt: async () => undefined,
      linkedCustomer: async () => undefined,
    }),
    rateLimit: createRateLimiter({ perMinute: 1000, burst: 1000, now: () => 0 }),
    clientAddress: (headers) => clientAddress(headers),
    cors: createCorsPolicy([]),
    telemetry: nullTelemetry,
    redactor: new Redactor(() => []),
  };
  const handler = httpHandler(
    { operation: operations.syncRun, handle: async ({ body }) => (seen.push(body.byteLength), { kind: 'data', data: {}, status: 202 }) },
    () => policies,
  );
  return { handler, seen };
}

/** A request whose body is a stream that counts what was pulled from it (no Content-Length: chunked). */
function streamed(headers: Record<string, string>, totalBytes: number) {
  let pulled = 0;
  const chunk = new Uint8Array(16 * 1024);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const nativeRequest = new Request('http://localhost/api/v1/sync/run', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { request: new HttpRequest({ nativeRequest, params: {} } as never), pulled: () => pulled };
}

const context = () => new InvocationContext({ invocationId: 'test', functionName: 'sync-run', logHandler: () => undefined });

async function answer(handler: ReturnType<typeof pipeline>['handler'], request: HttpRequest) {
  const result = (await handler(request, context())) as { status: number; body: string };
  return { status: result.status, json: JSON.parse(result.body) as { error?: { code: string; message: string } } };
}

describe('request bodies: capped, and read only after authentication', () => {
  it('answers an unauthenticated 300 MB body without reading it', async () => {
    const { handler } = pipeline();
    const { request, pulled } = streamed({}, 300 * 1024 * 1024);
    expect((await answer(handler, request)).status).toBe(401);
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a declared Content-Length over the limit with 413 naming the limit, before reading a byte', async () => {
    const { handler, seen } = pipeline();
    const { request, pulled } = streamed({ 'x-api-key': admin, 'content-length': String(300 * 1024 * 1024) }, 300 * 1024 * 1024);
    const refused = await answer(handler, request);
    expect(refused.status).toBe(413);
    expect(refused.json.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: `The request body exceeds the limit of ${maxRequestBodyBytes} bytes.` });
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
    expect(seen).toEqual([]);
  });

  it('stops reading a chunked body at the first chunk past the limit', async () => {
    const { handler, seen } = pipeline();
    const { request, pulled } = streamed({ 'x-api-key': admin }, 300 * 1024 * 1024);
    expect((await answer(handler, request)).status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(maxRequestBodyBytes + 3 * 16 * 1024);
    expect(seen).toEqual([]);
  });

  it('hands a body within the limit to the endpoint (as the Functions host delivers it: bytes)', async () => {
    const { handler, seen } = pipeline();
    const request = new HttpRequest({ method: 'POST', url: 'http://localhost/api/v1/sync/run', headers: { 'x-api-key': admin }, body: { string: '{}' } });
    expect((await answer(handler, request)).status).toBe(202);
    const large = new HttpRequest({ method: 'POST', url: 'http://localhost/api/v1/sync/run', headers: { 'x-api-key': admin }, body: { bytes: new Uint8Array(maxRequestBodyBytes + 1) } });
    expect((await answer(handler, large)).status).toBe(413);
    expect(seen).toEqual([2]);
  });
});
