import { HttpRequest, HttpResponse, InvocationContext, type HttpHandler } from '@azure/functions';
import { SignJWT } from 'jose';
import { loadSettings, type Environment, type Settings } from '../../../shared/config';
import type { GivenDatabase } from '../../../shared/composition/app-databases';
import type { AppEndpoint } from '../../../shared/composition/app-routes';
import { createApp, type AppOverrides, type PortalApp } from '../../../shared/composition/create-app';
import { httpHandler } from '../../../shared/http/endpoint';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import type { SyncControl } from '../../../shared/portal/sync-control';

export const apiKey = 'test-key-1-0123456789abcdef0123456789';
export const secondApiKey = 'test-key-2-0123456789abcdef0123456789';
export const adminKey = 'test-admin-key-0123456789abcdef012345';
export const clientSecret = 'test-secret-0123456789abcdef0123456789abcdef';
export const allowedOrigin = 'https://shop.example.com';

export const testEnvironment: Environment = {
  PORTAL_API_KEYS: `${apiKey},${secondApiKey}`,
  PORTAL_ADMIN_KEYS: adminKey,
  BC_CLIENT_ID: 'client-abc',
  BC_CLIENT_SECRET: clientSecret,
  BC_STORE_HASH: 'store1',
  CORS_ALLOWED_ORIGINS: allowedOrigin,
  RATE_LIMIT_PER_MINUTE: '60000',
  RATE_LIMIT_BURST: '10000',
};

let current: PortalApp | undefined;

/**
 * Builds the app (createApp) over a test mirror with test credentials; `invoke` then binds
 * endpoints to it. A fake sync control replaces the real one through createApp's `wrap`.
 */
export function useTestApi(
  mirror: GivenDatabase<MirrorDatabase>,
  options: { env?: Environment; syncControl?: SyncControl; now?: () => number; overrides?: AppOverrides } = {},
): Settings {
  const settings = loadSettings({ ...testEnvironment, ...options.env });
  const fake = options.syncControl;
  current = createApp(settings, {
    mirror,
    erp: () => Promise.reject(new Error('no ERP in API tests')),
    ...(options.now ? { rateClock: options.now } : {}),
    ...options.overrides,
    ...(fake ? { wrap: { ...options.overrides?.wrap, syncControl: () => fake } } : {}),
  });
  return settings;
}

/** The app useTestApi built last. */
export function testApp(): PortalApp {
  if (!current) throw new Error('call useTestApi first');
  return current;
}

export interface Invocation {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly params?: Record<string, string>;
  readonly body?: string;
  /** Collects what the function logged through its InvocationContext. */
  readonly log?: string[];
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  /** The body as sent, for binary answers (PDF). */
  readonly bytes: Uint8Array;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

/** Calls a handler the way the Functions host does: real HttpRequest and InvocationContext objects. */
export async function invoke(target: AppEndpoint | HttpHandler, pathAndQuery: string, invocation: Invocation = {}): Promise<Answer> {
  const handler = typeof target === 'function' ? target : httpHandler(target, () => testApp().api);
  const request = new HttpRequest({
    method: invocation.method ?? 'GET',
    url: `http://localhost/api/${pathAndQuery}`,
    headers: invocation.headers ?? {},
    params: invocation.params ?? {},
    ...(invocation.body !== undefined ? { body: { string: invocation.body } } : {}),
  });
  const context = new InvocationContext({
    invocationId: 'test-invocation',
    functionName: 'test',
    logHandler: (_level, ...args) => void invocation.log?.push(args.map(String).join(' ')),
  });
  const result = await handler(request, context);
  const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? {});
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, body, bytes, json };
}

export const withKey = (key = apiKey) => ({ 'x-api-key': key });
export const withToken = (token: string) => ({ authorization: `Bearer ${token}` });

/** A BigCommerce-shaped current-customer token; `claims`/`secret`/`alg` override to forge bad ones. */
export async function customerToken(
  bcCustomerId: number,
  options: {
    claims?: Record<string, unknown>;
    secret?: string;
    alg?: 'HS256' | 'HS512';
    expiresIn?: number;
    notBefore?: number;
    /** Seconds from now the token claims it was issued (negative: in the past). */
    issuedAt?: number;
  } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({
    customer: { id: bcCustomerId, email: 'buyer@example.com', group_id: '0' },
    store_hash: 'store1',
    operation: 'current_customer',
    application_id: 'client-abc',
    version: 1,
    ...options.claims,
  })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuer((options.claims?.iss as string | undefined) ?? 'bc/apps')
    .setAudience((options.claims?.aud as string | undefined) ?? 'client-abc')
    .setSubject('store1')
    .setIssuedAt(now + (options.issuedAt ?? 0))
    .setExpirationTime(now + (options.expiresIn ?? 900));
  if (options.notBefore !== undefined) jwt = jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? clientSecret));
}
