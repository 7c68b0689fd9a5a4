import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** Where a PGlite engine's data comes from: a data directory (already locked by the caller), or a dump. */
export type PGliteSource = { readonly dataDir: string } | { readonly loadDataDir: Blob };

/**
 * Opens a PGlite engine in the calling thread. A directory without a database is initialised by a
 * throwaway instance first: initdb grows the WebAssembly heap to ~850 MB, which never shrinks, so
 * the instance we keep starts at the ~400 MB of an existing database. The embedded engine holds demo
 * or re-derivable data, so a read need not wait for the file system flush (relaxedDurability): this
 * halves per-query latency, and Postgres' WAL still keeps transactions atomic.
 */
export async function createPglite(source: PGliteSource): Promise<PGlite> {
  if (!('dataDir' in source)) return PGlite.create({ loadDataDir: source.loadDataDir });
  if (!existsSync(join(source.dataDir, 'PG_VERSION'))) await (await PGlite.create({ dataDir: source.dataDir })).close();
  return PGlite.create({ dataDir: source.dataDir, relaxedDurability: true });
}
