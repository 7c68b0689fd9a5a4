import type { Kysely } from 'kysely';
import { createSecretStore, type SecretStore, type Settings } from '../config';
import { splitList } from '../config/split-list';
import type { PortalDatabase } from '../db/portal-database';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { ApiKeySet } from '../http/api-key';
import { createAuthenticator } from '../http/authenticate';
import { createBcJwtVerifier } from '../http/bc-jwt';
import { clientAddress } from '../http/client-address';
import { createCorsPolicy } from '../http/cors';
import { createEndpointFactory, type HttpPolicies } from '../http/endpoint';
import { createRateLimiter } from '../http/rate-limiter';
import { findLinkedCustomer } from '../mirror/queries/find-linked-customer';
import type { PortalContext } from '../portal/portal-context';
import type { SyncControl } from '../portal/sync-control';
import { Redactor } from '../telemetry/redactor';
import { nullTelemetry, type Telemetry } from '../telemetry/telemetry';
import { portalRuntime } from './portal-runtime';
import { syncService } from './sync-composition';

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
  /** Where credentials come from; by default the secret values in `settings`. */
  readonly secrets?: SecretStore;
  readonly telemetry?: Telemetry;
  readonly redactor?: Redactor;
  /** Clock for rate limiting (tests). */
  readonly now?: () => number;
}

/** Rebuilds a derived object only when its secret input changes, not on every request. */
function derivedFrom<T>(read: () => Promise<string | undefined>, build: (value: string | undefined) => T) {
  let last: { readonly value: string | undefined; readonly derived: T } | undefined;
  return async (): Promise<T> => {
    const value = await read();
    if (!last || last.value !== value) last = { value, derived: build(value) };
    return last.derived;
  };
}

export function createApiComposition(deps: ApiDependencies): ApiComposition {
  const { settings } = deps;
  const secrets = deps.secrets ?? createSecretStore(settings);
  let db: Kysely<MirrorDatabase> | undefined;
  const portal: PortalContext = {
    quoteTypes: settings.QUOTE_ORDER_TYPES,
    async mirror() {
      db ??= (await deps.mirror()).db;
      return db;
    },
  };
  const { BC_CLIENT_ID: clientId, BC_STORE_HASH: storeHash } = settings;
  return {
    settings,
    portal,
    syncControl: deps.syncControl,
    telemetry: deps.telemetry ?? nullTelemetry,
    redactor: deps.redactor ?? new Redactor(() => secrets.knownValues()),
    cors: createCorsPolicy(settings.CORS_ALLOWED_ORIGINS),
    clientAddress: (headers) => clientAddress(headers, settings.FRONT_DOOR_ID),
    rateLimit: createRateLimiter({
      perMinute: settings.RATE_LIMIT_PER_MINUTE,
      burst: settings.RATE_LIMIT_BURST,
      ...(deps.now ? { now: deps.now } : {}),
    }),
    authenticate: createAuthenticator({
      apiKeys: derivedFrom(() => secrets.get('PORTAL_API_KEYS'), (keys) => new ApiKeySet(splitList(keys))),
      adminKeys: derivedFrom(() => secrets.get('PORTAL_ADMIN_KEYS'), (keys) => new ApiKeySet(splitList(keys))),
      verifyJwt: derivedFrom(
        () => secrets.get('BC_CLIENT_SECRET'),
        (clientSecret) =>
          clientId && clientSecret && storeHash ? createBcJwtVerifier({ clientId, clientSecret, storeHash }) : undefined,
      ),
      linkedCustomer: async (bcCustomerId) => findLinkedCustomer(await portal.mirror(), bcCustomerId),
    }),
  };
}

let current: ApiComposition | undefined;

/** This process's composition: the Functions host builds it from the environment on first use. */
export function apiComposition(): ApiComposition {
  if (!current) {
    const runtime = portalRuntime();
    current = createApiComposition({
      settings: runtime.settings,
      mirror: () => runtime.mirror(),
      syncControl: syncService(),
      secrets: runtime.secrets,
      telemetry: runtime.telemetry,
      redactor: runtime.redactor,
    });
  }
  return current;
}

/** Replaces the process composition (dev host, tests); undefined restores the default. */
export function useApiComposition(composition: ApiComposition | undefined): void {
  current = composition;
}

/** Builds HTTP handlers over this process's composition. */
export const endpoint = createEndpointFactory(apiComposition);
