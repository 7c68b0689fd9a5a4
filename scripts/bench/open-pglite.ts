import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { connectionTarget } from '../../shared/db/connection-target';
import { lockDirectory } from '../../shared/db/pglite/directory-lock';
import { PGliteDialect } from '../../shared/db/pglite/pglite-dialect';
import type { PortalDatabase } from '../../shared/db/portal-database';
import { meteredDialect, type LinkMeter } from './erp-link';

/** An existing PGlite directory, opened as the app opens it; the bench runs on the embedded engine only. */
export async function openPglite(setting: string, connection: string): Promise<{ pg: PGlite; unlock: () => void }> {
  const target = connectionTarget(connection);
  if (target.kind !== 'pglite') throw new Error(`${setting}: the bench runs on the embedded engine only`);
  const directory = resolve(target.directory);
  const unlock = lockDirectory(directory);
  try {
    const pg = await PGlite.create({ dataDir: directory, relaxedDurability: true });
    return { pg, unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** A PGlite database whose round trips go through `meter`. */
export async function openMetered<DB>(setting: string, connection: string, meter: LinkMeter): Promise<PortalDatabase<DB>> {
  const { pg, unlock } = await openPglite(setting, connection);
  const db = new Kysely<DB>({ dialect: meteredDialect(new PGliteDialect(pg), meter) });
  return {
    dialect: 'pglite',
    db,
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}
