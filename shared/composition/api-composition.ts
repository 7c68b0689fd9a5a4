import type { Kysely } from 'kysely';
import type { Settings } from '../config';
import type { PortalDatabase } from '../db/portal-database';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { ApiKeySet } from '../http/api-key';
import { createAuthenticator } from '../http/authenticate';
import { createBcJwtVerifier } from '../http/bc-jwt';
import { createCorsPolicy } from '../http/cors';
import { createEndpointFactory, type HttpPolicies } from '../http/endpoint';
import { createRateLimiter } from '../http/rate-limiter';
import { findLinkedCustomer } from '../mirror/queries/find-linked-customer';
import type { PortalContext } from '../portal/portal-context';
import type { SyncControl } from '../portal/sync-control';
import { portalRuntime } from './portal-runtime';

/** Everything the HTTP functions use, built once per process. */
export interface ApiComposition extends HttpPolicies {
  readonly settings: Settings;
  readonly portal: PortalContext;
  /** Absent until a sync engine is wired: the sync endpoints then answer 503. */
  readonly syncControl: SyncControl | undefined;
}

export interface ApiDependencies {
  readonly settings: Settings;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
  readonly syncControl?: SyncControl;
  /** Clock for rate limiting (tests). */
  readonly now?: () => number;
}

export function createApiComposition(deps: ApiDependencies): ApiComposition {
  const { settings } = deps;
  let db: Kysely<MirrorDatabase> | undefined;
  const portal: PortalContext = {
    quoteTypes: settings.QUOTE_ORDER_TYPES,
    async mirror() {
      db ??= (await deps.mirror()).db;
      return db;
    },
  };
  const jwtConfigured = settings.BC_CLIENT_ID && settings.BC_CLIENT_SECRET && settings.BC_STORE_HASH;
  return {
    settings,
    portal,
    syncControl: deps.syncControl,
    cors: createCorsPolicy(settings.CORS_ALLOWED_ORIGINS),
    rateLimit: createRateLimiter({
      perMinute: settings.RATE_LIMIT_PER_MINUTE,
      burst: settings.RATE_LIMIT_BURST,
      ...(deps.now ? { now: deps.now } : {}),
    }),
    authenticate: createAuthenticator({
      apiKeys: new ApiKeySet(settings.PORTAL_API_KEYS),
      adminKeys: new ApiKeySet(settings.PORTAL_ADMIN_KEYS),
      verifyJwt: jwtConfigured
        ? createBcJwtVerifier({
            clientId: settings.BC_CLIENT_ID as string,
            clientSecret: settings.BC_CLIENT_SECRET as string,
            storeHash: settings.BC_STORE_HASH as string,
          })
        : undefined,
      linkedCustomer: async (bcCustomerId) => findLinkedCustomer(await portal.mirror(), bcCustomerId),
    }),
  };
}

let current: ApiComposition | undefined;

/** This process's composition: the Functions host builds it from the environment on first use. */
export function apiComposition(): ApiComposition {
  current ??= createApiComposition({ settings: portalRuntime().settings, mirror: () => portalRuntime().mirror() });
  return current;
}

/** Replaces the process composition (dev host, tests); undefined restores the default. */
export function useApiComposition(composition: ApiComposition | undefined): void {
  current = composition;
}

/** Builds HTTP handlers over this process's composition. */
export const endpoint = createEndpointFactory(apiComposition);
