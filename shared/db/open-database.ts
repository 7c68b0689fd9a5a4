import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import sql from 'mssql';
import { ConfigError } from '../config/config-error';
import { pgliteDirectoryProblem } from '../config/pglite-directory';
import { connectionTarget } from './connection-target';
import { MssqlPoolDialect } from './mssql/mssql-dialect';
import { mssqlConfig } from './mssql/mssql-config';
import { createDataDirectory } from './pglite/create-data-directory';
import { lockDirectory } from './pglite/directory-lock';
import { PGliteDialect } from './pglite/pglite-dialect';
import type { PortalDatabase } from './portal-database';

export interface OpenOptions {
  /** Setting name the connection came from, for error messages. */
  readonly setting: string;
  readonly connection: string;
  readonly azureClientId?: string;
  /** A PEM file of the CA that issued the server's certificate (ERP_TLS_CA_FILE). */
  readonly caFile?: string;
}

/** Wraps an already-open PGlite instance (tests clone one from a template). */
export function pgliteDatabase<DB>(pg: PGlite, onClose?: () => void): PortalDatabase<DB> {
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
      // initdb grows the WebAssembly heap to ~850 MB, which never shrinks: run it in a throwaway
      // instance so the one we keep starts at the ~400 MB of an existing database.
      if (!existsSync(join(directory, 'PG_VERSION'))) await (await PGlite.create({ dataDir: directory })).close();
      // The embedded engine holds demo or re-derivable data, so a read need not wait for the file
      // system flush: this halves per-query latency. Postgres' WAL still keeps transactions atomic.
      const pg = await PGlite.create({ dataDir: directory, relaxedDurability: true });
      return pgliteDatabase<DB>(pg, unlock);
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
