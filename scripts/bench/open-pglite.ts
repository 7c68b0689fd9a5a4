import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { connectionTarget } from '../../shared/db/connection-target';
import { lockDirectory } from '../../shared/db/pglite/directory-lock';
import { PGliteDialect } from '../../shared/db/pglite/pglite-dialect';
import type { PGliteSession } from '../../shared/db/pglite/pglite-session';
import { PGliteWorkerSession } from '../../shared/db/pglite/pglite-worker-session';
import type { PortalDatabase } from '../../shared/db/portal-database';
import { meteredDialect, type LinkMeter } from './erp-link';

/** Where a bench phase runs an engine: in its own thread, or in a worker thread as the dev host does. */
export type EngineThread = 'caller' | 'worker';

function lockedDirectory(setting: string, connection: string): { directory: string; unlock: () => void } {
  const target = connectionTarget(connection);
  if (target.kind !== 'pglite') throw new Error(`${setting}: the bench runs on the embedded engine only`);
  const directory = resolve(target.directory);
  return { directory, unlock: lockDirectory(directory) };
}

/** An existing PGlite directory, opened as the app opens it; the bench runs on the embedded engine only. */
export async function openPglite(setting: string, connection: string): Promise<{ pg: PGlite; unlock: () => void }> {
  const { directory, unlock } = lockedDirectory(setting, connection);
  try {
    const pg = await PGlite.create({ dataDir: directory, relaxedDurability: true });
    return { pg, unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openEngine(setting: string, connection: string, thread: EngineThread): Promise<{ engine: PGlite | PGliteSession; unlock: () => void }> {
  if (thread === 'caller') {
    const { pg, unlock } = await openPglite(setting, connection);
    return { engine: pg, unlock };
  }
  const { directory, unlock } = lockedDirectory(setting, connection);
  const session = new PGliteWorkerSession({ dataDir: directory });
  try {
    await session.ready;
    return { engine: session, unlock };
  } catch (error) {
    await session.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

/** A PGlite database whose round trips go through `meter`, its engine in this thread or a worker's. */
export async function openMetered<DB>(setting: string, connection: string, meter: LinkMeter, thread: EngineThread = 'caller'): Promise<PortalDatabase<DB>> {
  const { engine, unlock } = await openEngine(setting, connection, thread);
  const db = new Kysely<DB>({ dialect: meteredDialect(new PGliteDialect(engine), meter) });
  return {
    dialect: 'pglite',
    db,
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}
