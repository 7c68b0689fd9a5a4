import { getSettings, type Settings } from '../config';
import { migrateMirror } from '../db/migrations/migrate-mirror';
import { openDatabase } from '../db/open-database';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { MirrorDatabase } from '../db/schema/mirror-tables';

/** The process-wide resources every function shares: opened lazily, once, and migrated before first use. */
export interface PortalRuntime {
  readonly settings: Settings;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
  erp(): Promise<PortalDatabase<ErpDatabase>>;
  close(): Promise<void>;
}

export function createPortalRuntime(settings: Settings): PortalRuntime {
  let mirror: Promise<PortalDatabase<MirrorDatabase>> | undefined;
  let erp: Promise<PortalDatabase<ErpDatabase>> | undefined;
  return {
    settings,
    mirror() {
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
    },
    erp() {
      erp ??= openDatabase<ErpDatabase>({
        setting: 'ERP_CONNECTION',
        connection: settings.ERP_CONNECTION,
        azureClientId: settings.AZURE_CLIENT_ID,
      });
      erp.catch(() => (erp = undefined));
      return erp;
    },
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
