import { createSecretStore, getSettings, type SecretStore, type Settings } from '../config';
import { migrateMirror } from '../db/migrations/migrate-mirror';
import { openDatabase } from '../db/open-database';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { AppInsightsTelemetry, appInsightsClient } from '../telemetry/app-insights-telemetry';
import { Redactor } from '../telemetry/redactor';
import { nullTelemetry, type Telemetry } from '../telemetry/telemetry';

/** The process-wide resources every function shares: opened lazily, once, and migrated before first use. */
export interface PortalRuntime {
  readonly settings: Settings;
  readonly secrets: SecretStore;
  /** Scrubs secrets from anything logged or sent to telemetry. */
  readonly redactor: Redactor;
  readonly telemetry: Telemetry;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
  erp(): Promise<PortalDatabase<ErpDatabase>>;
  close(): Promise<void>;
}

/** Databases a caller already holds (tests, tools); anything not given is opened from the settings. */
export type RuntimeDatabases = Partial<Pick<PortalRuntime, 'mirror' | 'erp'>>;

export function createPortalRuntime(settings: Settings, databases: RuntimeDatabases = {}): PortalRuntime {
  let mirror: Promise<PortalDatabase<MirrorDatabase>> | undefined;
  let erp: Promise<PortalDatabase<ErpDatabase>> | undefined;
  const secrets = createSecretStore(settings);
  const redactor = new Redactor(() => secrets.knownValues());
  const connectionString = settings.APPLICATIONINSIGHTS_CONNECTION_STRING;
  return {
    settings,
    secrets,
    redactor,
    telemetry: connectionString ? new AppInsightsTelemetry(appInsightsClient(connectionString), redactor) : nullTelemetry,
    mirror: databases.mirror ?? (() => {
      mirror ??= openDatabase<MirrorDatabase>({
        setting: 'MIRROR_CONNECTION',
        connection: settings.MIRROR_CONNECTION,
        azureClientId: settings.AZURE_CLIENT_ID,
      }).then(async (database) => {
        await migrateMirror(database);
        return database;
      });
      // A failed open must not stick: the next invocation retries.
      mirror.catch(() => (mirror = undefined));
      return mirror;
    }),
    erp: databases.erp ?? (() => {
      // The ERP connection string carries SQL credentials, so it may live in Key Vault.
      erp ??= secrets.get('ERP_CONNECTION').then((connection) =>
        openDatabase<ErpDatabase>({
          setting: 'ERP_CONNECTION',
          connection: connection ?? settings.ERP_CONNECTION,
          azureClientId: settings.AZURE_CLIENT_ID,
          caFile: settings.ERP_TLS_CA_FILE,
        }),
      );
      erp.catch(() => (erp = undefined));
      return erp;
    }),
    async close() {
      const open = await Promise.allSettled([mirror, erp].filter((p) => p !== undefined));
      mirror = erp = undefined;
      for (const result of open) if (result.status === 'fulfilled') await result.value.close();
    },
  };
}

let shared: PortalRuntime | undefined;

/** The runtime of this process, built from the validated environment on first use. */
export function portalRuntime(): PortalRuntime {
  shared ??= createPortalRuntime(getSettings());
  return shared;
}
