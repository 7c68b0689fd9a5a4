import type { SecretStore, Settings } from '../config';
import { splitList } from '../config/split-list';
import type { PortalDatabase } from '../db/portal-database';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { ApiKeySet } from '../http/api-key';
import { createAuthenticator } from '../http/authenticate';
import { createBcJwtVerifier } from '../http/bc-jwt';
import { clientAddress } from '../http/client-address';
import { createCorsPolicy } from '../http/cors';
import type { HttpPolicies } from '../http/endpoint';
import { createRateLimiter } from '../http/rate-limiter';
import { findLinkedCustomer } from '../mirror/queries/find-linked-customer';
import type { PortalContext } from '../portal/portal-context';
import { createRenderGate, type RenderGate } from '../portal/render-gate';
import type { SyncControl } from '../portal/sync-control';
import type { Redactor } from '../telemetry/redactor';
import type { Telemetry } from '../telemetry/telemetry';

/** What every HTTP function receives as `api`: the request policies, the portal services' context and the sync. */
export interface AppApi extends HttpPolicies {
  readonly settings: Settings;
  readonly portal: PortalContext;
  readonly syncControl: SyncControl;
  /** The process's bound on concurrent PDF renders. */
  readonly pdfRenders: RenderGate;
  /** Reads every secret requests are checked against, held to the secret rules (for /health). */
  checkCredentials(): Promise<void>;
}

export interface AppApiParts {
  readonly settings: Settings;
  readonly secrets: SecretStore;
  readonly telemetry: Telemetry;
  readonly redactor: Redactor;
  readonly syncControl: SyncControl;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
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

/** The secrets every request may be checked against. */
const requestSecrets = ['PORTAL_API_KEYS', 'PORTAL_ADMIN_KEYS', 'BC_CLIENT_SECRET'] as const;

/** The HTTP side of createApp (shared/composition/create-app.ts), its only caller. */
export function buildAppApi(parts: AppApiParts): AppApi {
  const { settings, secrets } = parts;
  const portal: PortalContext = {
    quoteTypes: settings.QUOTE_ORDER_TYPES,
    skuMatch: settings.BC_SKU_MATCH,
    mirror: () => parts.mirror(),
  };
  const { BC_CLIENT_ID: clientId, BC_STORE_HASH: storeHash } = settings;
  return {
    settings,
    portal,
    syncControl: parts.syncControl,
    pdfRenders: createRenderGate(),
    checkCredentials: async () => {
      for (const setting of requestSecrets) await secrets.get(setting);
    },
    telemetry: parts.telemetry,
    redactor: parts.redactor,
    cors: createCorsPolicy(settings.CORS_ALLOWED_ORIGINS),
    clientAddress: (headers) => clientAddress(headers, settings.FRONT_DOOR_ID),
    rateLimit: createRateLimiter({
      perMinute: settings.RATE_LIMIT_PER_MINUTE,
      burst: settings.RATE_LIMIT_BURST,
      ...(parts.now ? { now: parts.now } : {}),
    }),
    authenticate: createAuthenticator({
      apiKeys: derivedFrom(() => secrets.get('PORTAL_API_KEYS'), (keys) => new ApiKeySet(splitList(keys))),
      adminKeys: derivedFrom(() => secrets.get('PORTAL_ADMIN_KEYS'), (keys) => new ApiKeySet(splitList(keys))),
      verifyJwt: derivedFrom(
        () => secrets.get('BC_CLIENT_SECRET'),
        (clientSecret) =>
          clientId && clientSecret && storeHash ? createBcJwtVerifier({ clientId, clientSecret, storeHash }) : undefined,
      ),
      linkedCustomer: async (bcCustomerId) => findLinkedCustomer((await portal.mirror()).db, bcCustomerId),
    }),
  };
}
