import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { rateLimited } from './api-error';
import type { Authenticator, Credential } from './authenticate';
import type { Caller } from './caller';
import type { CorsPolicy } from './cors';
import { errorEnvelope, successEnvelope } from './envelope';
import { callerError, statusOf } from './error-status';
import { etagOf, matchesIfNoneMatch } from './etag';
import type { Operation } from './operations';
import type { RateLimiter } from './rate-limiter';
import type { Redactor } from '../telemetry/redactor';
import { telemetryNames, type Telemetry } from '../telemetry/telemetry';

/** Cross-cutting policies every endpoint applies, built once per process by the composition. */
export interface HttpPolicies {
  readonly authenticate: Authenticator;
  readonly rateLimit: RateLimiter;
  /** The caller's network address as this deployment's proxies report it (client-address.ts). */
  readonly clientAddress: (headers: Headers) => string;
  readonly cors: CorsPolicy;
  /** Auth failures and rate-limit hits as metrics; requests themselves are the host's telemetry. */
  readonly telemetry: Telemetry;
  /** Scrubs secrets from unexpected errors before they are logged. */
  readonly redactor: Redactor;
}

export interface EndpointInput<A> {
  readonly request: HttpRequest;
  readonly context: InvocationContext;
  readonly caller: Caller;
  readonly api: A;
}

export type EndpointResult =
  | { readonly kind: 'data'; readonly data: unknown; readonly status?: number }
  | { readonly kind: 'csv'; readonly filename: string; readonly body: string }
  | { readonly kind: 'document'; readonly body: string };

type HeaderRecord = Record<string, string>;

const varyOn = 'Origin, Accept, Authorization, X-Api-Key';
const jsonType = 'application/json; charset=utf-8';

function failure(error: unknown, context: InvocationContext, base: HeaderRecord, policies: HttpPolicies): HttpResponseInit {
  const known = callerError(error);
  if (!known) {
    context.error(
      `Unhandled error in ${context.functionName} (invocation ${context.invocationId}): ${policies.redactor.value(error)}`,
    );
    policies.telemetry.exception(error, { functionName: context.functionName, invocationId: context.invocationId });
  }
  if (known?.code === 'RATE_LIMITED') policies.telemetry.metric(telemetryNames.metrics.apiRateLimited, 1, { functionName: context.functionName });
  if (known?.code === 'UNAUTHORIZED' || known?.code === 'FORBIDDEN') {
    policies.telemetry.metric(telemetryNames.metrics.apiAuthFailures, 1, { functionName: context.functionName, reason: known.code });
  }
  const code = known?.code ?? 'INTERNAL';
  const message = known?.message ?? `An unexpected error occurred (reference ${context.invocationId}).`;
  const headers: HeaderRecord = { ...base, 'Content-Type': jsonType, 'Cache-Control': 'no-store' };
  if (known?.retryAfterSeconds !== undefined) headers['Retry-After'] = String(known.retryAfterSeconds);
  return { status: statusOf(code), headers, body: JSON.stringify(errorEnvelope(code, message)) };
}

function success(request: HttpRequest, result: EndpointResult, base: HeaderRecord): HttpResponseInit {
  const status = result.kind === 'data' ? (result.status ?? 200) : 200;
  const body = result.kind === 'data' ? JSON.stringify(successEnvelope(result.data)) : result.body;
  const headers: HeaderRecord = { ...base, 'Content-Type': result.kind === 'csv' ? 'text/csv; charset=utf-8' : jsonType };
  if (result.kind === 'csv') headers['Content-Disposition'] = `attachment; filename="${result.filename}"`;
  if (request.method !== 'GET' || status !== 200) return { status, headers: { ...headers, 'Cache-Control': 'no-store' }, body };
  // Private: answers depend on the caller's credentials, so only the caller's own cache may keep them.
  const etag = etagOf(body);
  headers.ETag = etag;
  headers['Cache-Control'] = 'private';
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    delete headers['Content-Type'];
    delete headers['Content-Disposition'];
    return { status: 304, headers };
  }
  return { status, headers, body };
}

function preflight(request: HttpRequest, policies: HttpPolicies): HttpResponseInit {
  const headers = policies.cors.preflightHeaders(
    request.headers.get('origin'),
    request.headers.get('access-control-request-method'),
  );
  if (headers) return { status: 204, headers };
  return {
    status: 403,
    headers: { 'Content-Type': jsonType, 'Cache-Control': 'no-store', Vary: 'Origin' },
    body: JSON.stringify(errorEnvelope('FORBIDDEN', 'CORS preflight denied for this origin or method.')),
  };
}

/** One operation and its handler, not yet bound to an app: functions/ define these, hosts bind them. */
export interface Endpoint<A> {
  readonly operation: Operation;
  readonly handle: (input: EndpointInput<A>) => Promise<EndpointResult>;
}

/**
 * Binds an endpoint to the app it serves, inside the one request pipeline: CORS, authentication,
 * rate limiting, the envelope, ETag/304 and the mapping of typed errors to status codes.
 */
export function httpHandler<A extends HttpPolicies>({ operation, handle }: Endpoint<A>, policies: () => A): HttpHandler {
  return async (request, context) => {
    const api = policies();
    if (request.method === 'OPTIONS') return preflight(request, api);
    const base: HeaderRecord = { ...api.cors.responseHeaders(request.headers.get('origin')), Vary: varyOn };
    try {
      const address = api.clientAddress(request.headers);
      let credential: Credential;
      try {
        credential = await api.authenticate(request.headers, operation.access, address);
      } catch (error) {
        // Failed credentials still spend the address's tokens, which slows key guessing.
        const wait = api.rateLimit(`ip:${address}`);
        throw wait > 0 ? rateLimited(wait) : error;
      }
      // Limited before the caller is resolved: a flood of valid tokens never reaches the database.
      const wait = api.rateLimit(credential.id);
      if (wait > 0) throw rateLimited(wait);
      const caller = await credential.caller();
      return success(request, await handle({ request, context, caller, api }), base);
    } catch (error) {
      return failure(error, context, base, api);
    }
  };
}
