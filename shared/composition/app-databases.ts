import type { Settings, SecretStore } from '../config';
import { migrateMirror } from '../db/migrations/migrate-mirror';
import { openDatabase, type OpenOptions } from '../db/open-database';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { MirrorDatabase } from '../db/schema/mirror-tables';

/** A database the caller already holds (tests, tools), or how to open one; the app never closes it. */
export type GivenDatabase<DB> = PortalDatabase<DB> | (() => Promise<PortalDatabase<DB>>);

export interface AppDatabases {
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
  erp(): Promise<PortalDatabase<ErpDatabase>>;
  /** Closes only what it opened itself. */
  close(): Promise<void>;
}

const given = <DB>(database: GivenDatabase<DB>) => (typeof database === 'function' ? database : async () => database);

/** Opens once on first use and keeps the promise; a failed open does not stick, so the next call retries. */
function once<T>(open: () => Promise<T>): { get(): Promise<T>; take(): Promise<T> | undefined } {
  let pending: Promise<T> | undefined;
  return {
    get() {
      pending ??= open();
      pending.catch(() => (pending = undefined));
      return pending;
    },
    take() {
      const taken = pending;
      pending = undefined;
      return taken;
    },
  };
}

/** The mirror (migrated before first use) and the ERP, opened lazily from the settings unless given. */
export function appDatabases(
  settings: Settings,
  secrets: SecretStore,
  overrides: {
    readonly mirror?: GivenDatabase<MirrorDatabase>;
    readonly erp?: GivenDatabase<ErpDatabase>;
    readonly pgliteThread?: OpenOptions['pgliteThread'];
  },
): AppDatabases {
  const mirror = once(async () => {
    const database = await openDatabase<MirrorDatabase>({
      setting: 'MIRROR_CONNECTION',
      connection: settings.MIRROR_CONNECTION,
      azureClientId: settings.AZURE_CLIENT_ID,
      pgliteThread: overrides.pgliteThread,
    });
    await migrateMirror(database);
    return database;
  });
  // The ERP connection string carries SQL credentials, so it may live in Key Vault.
  const erp = once(async () =>
    openDatabase<ErpDatabase>({
      setting: 'ERP_CONNECTION',
      connection: (await secrets.get('ERP_CONNECTION')) ?? settings.ERP_CONNECTION,
      azureClientId: settings.AZURE_CLIENT_ID,
      caFile: settings.ERP_TLS_CA_FILE,
      pgliteThread: overrides.pgliteThread,
    }),
  );
  return {
    mirror: overrides.mirror ? given(overrides.mirror) : () => mirror.get(),
    erp: overrides.erp ? given(overrides.erp) : () => erp.get(),
    async close() {
      const open = await Promise.allSettled([mirror.take(), erp.take()].filter((p) => p !== undefined));
      for (const result of open) if (result.status === 'fulfilled') await result.value.close();
    },
  };
}
