import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * An empty PGlite data directory at `target`. initdb runs once per work folder (about 5 s); every
 * later mirror is a copy of that blank directory, so phases time the sync, not the database's birth.
 */
export async function freshDirectory(work: string, target: string): Promise<void> {
  const blank = join(work, 'blank');
  if (!existsSync(join(blank, 'PG_VERSION'))) {
    rmSync(blank, { recursive: true, force: true });
    await (await PGlite.create({ dataDir: blank })).close();
  }
  rmSync(target, { recursive: true, force: true });
  cpSync(blank, target, { recursive: true });
}
