import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import sql from 'mssql';
import { ConfigError } from '../config/config-error';
import { pgliteDirectoryProblem } from '../config/pglite-directory';
import { connectionTarget } from './connection-target';
import { MssqlPoolDialect } from './mssql/mssql-dialect';
import { mssqlConfig } from './mssql/mssql-config';
import { createDataDirectory } from './pglite/create-data-directory';
import { createPglite } from './pglite/create-pglite';
import { lockDirectory } from './pglite/directory-lock';
import { PGliteDialect } from './pglite/pglite-dialect';
import type { PGliteSession } from './pglite/pglite-session';
import { PGliteWorkerSession } from './pglite/pglite-worker-session';
import type { PortalDatabase } from './portal-database';

export interface OpenOptions {
  /** Setting name the connection came from, for error messages. */
  readonly setting: string;
  readonly connection: string;
  readonly azureClientId?: string;
  /** A PEM file of the CA that issued the server's certificate (ERP_TLS_CA_FILE). */
  readonly caFile?: string;
  /**
   * Where a `pglite:` engine runs: in the calling thread (default: tests, CLIs, the Functions host,
   * where nothing else waits on the event loop), or in a worker thread of its own (the dev host and
   * the bench, whose HTTP server must keep answering while a sync runs). SQL Server ignores it.
   */
  readonly pgliteThread?: 'caller' | 'worker';
}

/** Wraps an already-open PGlite instance (tests clone one from a template) or a worker's session. */
export function pgliteDatabase<DB>(pg: PGlite | PGliteSession, onClose?: () => void): PortalDatabase<DB> {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pg) });
  return {
    dialect: 'pglite',
    db,
    close: async () => {
      await db.destroy();
      onClose?.();
    },
  };
}

/**
 * A bad `pglite:` target is the same ConfigError here as at start-up: a connection string read from
 * Key Vault was never validated, and the file system may have changed since.
 */
function openableDirectory(setting: string, directory: string): void {
  const problem = pgliteDirectoryProblem(directory);
  if (problem) throw new ConfigError([{ setting, message: problem }]);
  try {
    createDataDirectory(directory);
  } catch (error) {
    throw new ConfigError([{ setting, message: (error as Error).message }]);
  }
}

export async function openDatabase<DB>(options: OpenOptions): Promise<PortalDatabase<DB>> {
  const target = connectionTarget(options.connection);
  if (target.kind === 'pglite') {
    const directory = resolve(target.directory);
    openableDirectory(options.setting, target.directory);
    const unlock = lockDirectory(directory);
    try {
      if (options.pgliteThread !== 'worker') return pgliteDatabase<DB>(await createPglite({ dataDir: directory }), unlock);
      const session = new PGliteWorkerSession({ dataDir: directory });
      await session.ready.catch(async (error: unknown) => {
        await session.close().catch(() => undefined);
        throw error;
      });
      return pgliteDatabase<DB>(session, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }
  const pool = new sql.ConnectionPool(
    mssqlConfig(options.setting, target.connectionString, {
      azureClientId: options.azureClientId,
      ca: options.caFile ? readFileSync(options.caFile, 'utf8') : undefined,
    }),
  );
  await pool.connect();
  const db = new Kysely<DB>({ dialect: new MssqlPoolDialect(pool) });
  return { dialect: 'mssql', db, close: () => db.destroy() };
}
