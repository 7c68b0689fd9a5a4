import { createSecretStore, type SecretStore, type Settings } from '../config';
import type { SecretReader } from '../config/secrets/secret-reader';
import type { PortalDatabase } from '../db/portal-database';
import type { SyncControl } from '../portal/sync-control';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { MirrorSyncRunStore } from '../mirror/sync/mirror-sync-run-store';
import type { SyncEngineSettings } from '../sync/sync-engine';
import type { SyncRunStore } from '../sync/sync-ports';
import { createSyncRequests, type SyncRequestQueue, type SyncRequests } from '../sync/sync-requests';
import type { SyncService } from '../sync/sync-service';
import type { SyncTelemetry } from '../sync/sync-telemetry';
import { AppInsightsTelemetry, type TelemetrySdkClient } from '../telemetry/app-insights-telemetry';
import { startAzureMonitor } from '../telemetry/azure-monitor';
import { openTelemetryClient } from '../telemetry/open-telemetry-client';
import { Redactor } from '../telemetry/redactor';
import { reportedRun, secretFailureReporter, type SecretReadFailure } from '../telemetry/operations-telemetry';
import { syncRunTelemetry } from '../telemetry/sync-run-telemetry';
import { nullTelemetry, telemetryNames, type Telemetry } from '../telemetry/telemetry';
import { buildAppApi, type AppApi } from './app-api';
import { appDatabases, type GivenDatabase } from './app-databases';
import { runCatalogSync, type CatalogSyncOutcome } from './app-catalog-sync';
import { runCustomerLinkSync, type LinkSyncOutcome, type LinkSyncOverrides } from './app-link-sync';
import { buildSyncQueue } from './app-queue';
import { buildAppSync, type SyncWrap } from './app-sync';

/** The whole application for one settings object: what every entry point (functions, dev host, CLIs, tests) runs. */
export interface PortalApp {
  readonly settings: Settings;
  readonly secrets: SecretStore;
  /** Scrubs secrets from anything logged or sent to telemetry. */
  readonly redactor: Redactor;
  readonly telemetry: Telemetry;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
  erp(): Promise<PortalDatabase<ErpDatabase>>;
  /** What the HTTP functions receive as `api`. */
  readonly api: AppApi;
  readonly sync: SyncService;
  /** Manual runs: POST /sync/run queues them, the queue trigger runs them. */
  readonly syncRequests: SyncRequests;
  /** One run of the BigCommerce customer-link sync. */
  linkCustomers(): Promise<LinkSyncOutcome>;
  /** One run of the BigCommerce catalog sync (reorder data). */
  syncCatalog(): Promise<CatalogSyncOutcome>;
  /** Messages parked in `sync-requests-poison`, also sent as a metric for the poison alert. */
  checkSyncRequestsPoison(): Promise<number>;
  /** Waits for in-process queue work, then closes the databases the app opened itself (given ones stay open). */
  close(): Promise<void>;
}

/** Wrappers around adapters the app builds: a test keeps the real one and intercepts what it needs. */
export interface AppWrap extends SyncWrap {
  /** What the sync endpoints call. */
  readonly syncControl?: (control: SyncControl) => SyncControl;
  readonly queue?: (queue: SyncRequestQueue) => SyncRequestQueue;
}

/** Everything a test or tool may replace; anything not given is built from the settings. */
export interface AppOverrides {
  readonly mirror?: GivenDatabase<MirrorDatabase>;
  readonly erp?: GivenDatabase<ErpDatabase>;
  /** Where the `pglite:` engines the app opens itself run; `worker` for a host that serves HTTP while it syncs. */
  readonly pgliteThread?: 'caller' | 'worker';
  /** Where credentials come from; by default the settings, then Key Vault. */
  readonly secrets?: SecretStore;
  /** A stand-in for Key Vault's SecretClient behind the app's own secret store (with KEY_VAULT_URL set). */
  readonly secretReader?: SecretReader;
  readonly telemetry?: Telemetry;
  /** The SDK client the app's telemetry (with its redaction) sends through, instead of Application Insights. */
  readonly telemetryClient?: TelemetrySdkClient;
  /** Replaces the Application Insights run events (e.g. a recorder). */
  readonly syncTelemetry?: SyncTelemetry;
  readonly wrap?: AppWrap;
  /** Engine settings beyond the app settings: small batches, instant retries. */
  readonly engine?: Partial<SyncEngineSettings>;
  /** The sync's clock. */
  readonly now?: () => Date;
  /** Where manual sync requests go; by default AzureWebJobsStorage's queue, or in-process without one. */
  readonly syncQueue?: SyncRequestQueue;
  /** Lines about background work (the in-process queue); console.error by default. */
  readonly log?: (line: string) => void;
  /** The rate limiter's clock. */
  readonly rateClock?: () => number;
  /** A local BigCommerce fake and no real sleeping. */
  readonly bigCommerce?: LinkSyncOverrides;
}

function appTelemetry(settings: Settings, redactor: Redactor, client: TelemetrySdkClient | undefined): Telemetry {
  if (client) return new AppInsightsTelemetry(client, redactor);
  const connectionString = settings.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return nullTelemetry;
  // The hosted app started the distro at load; a CLI starts it here, on first use.
  startAzureMonitor(connectionString);
  return new AppInsightsTelemetry(openTelemetryClient(), redactor);
}

/** The one composition root. Nothing is opened until first use, so building an app is cheap and cannot fail on I/O. */
export function createApp(settings: Settings, overrides: AppOverrides = {}): PortalApp {
  const log = overrides.log ?? console.error;
  // The store reports failed reads to telemetry, which redacts with the store's values: hence the late binding.
  let reportSecret = (_failure: SecretReadFailure): void => undefined;
  const secrets =
    overrides.secrets ??
    createSecretStore(settings, {
      onReadFailure: (failure) => reportSecret(failure),
      onWarning: (_setting, message) => log(`Warning: ${message}`),
      ...(overrides.secretReader ? { reader: overrides.secretReader } : {}),
    });
  const redactor = new Redactor(() => secrets.knownValues());
  const telemetry = overrides.telemetry ?? appTelemetry(settings, redactor, overrides.telemetryClient);
  reportSecret = secretFailureReporter(telemetry);
  const databases = appDatabases(settings, secrets, overrides);
  const redact = (text: string) => redactor.text(text);
  const sync = buildAppSync({
    settings,
    erp: databases.erp,
    mirror: databases.mirror,
    telemetry: (mirror) => {
      if (overrides.syncTelemetry) return overrides.syncTelemetry;
      const runs = new MirrorSyncRunStore(mirror);
      return syncRunTelemetry(telemetry, () => runs.lastSuccessAt());
    },
    redact,
    wrap: overrides.wrap ?? {},
    ...(overrides.engine ? { engine: overrides.engine } : {}),
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const wrap = overrides.wrap ?? {};
  const runs = async (): Promise<SyncRunStore> => {
    const store = new MirrorSyncRunStore(await databases.mirror());
    return wrap.runs ? wrap.runs(store) : store;
  };
  const built = overrides.syncQueue
    ? { queue: overrides.syncQueue, close: async () => undefined }
    : buildSyncQueue(settings, () => requests, log);
  const requests = createSyncRequests({
    runs,
    queue: wrap.queue ? wrap.queue(built.queue) : built.queue,
    sync,
    redact,
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const control: SyncControl = { request: () => requests.request(), status: () => sync.status() };
  const api = buildAppApi({
    settings,
    secrets,
    telemetry,
    redactor,
    mirror: databases.mirror,
    syncControl: wrap.syncControl ? wrap.syncControl(control) : control,
    ...(overrides.rateClock ? { now: overrides.rateClock } : {}),
  });
  return {
    settings,
    secrets,
    redactor,
    telemetry,
    mirror: databases.mirror,
    erp: databases.erp,
    api,
    sync,
    syncRequests: requests,
    linkCustomers: () =>
      reportedRun(telemetry, telemetryNames.events.linkSyncRun, () =>
        runCustomerLinkSync({ settings, secrets, mirror: databases.mirror }, overrides.bigCommerce),
      ),
    syncCatalog: () =>
      reportedRun(telemetry, telemetryNames.events.catalogSyncRun, () =>
        runCatalogSync({ settings, secrets, mirror: databases.mirror }, overrides.bigCommerce),
      ),
    async checkSyncRequestsPoison() {
      const parked = (await built.queue.poisonMessageCount?.()) ?? 0;
      telemetry.metric(telemetryNames.metrics.syncRequestsPoisoned, parked);
      return parked;
    },
    async close() {
      await built.close();
      await databases.close();
    },
  };
}
