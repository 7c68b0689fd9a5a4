import { Migrator } from 'kysely';
import type { PortalDatabase } from '../portal-database';
import { mirrorMigrations } from './mirror-migrations';

export class MigrationError extends Error {
  constructor(name: string, cause: unknown) {
    super(`Mirror migration ${name} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/**
 * Brings the mirror schema up to date. Safe to call from every process at start-up: Kysely
 * records applied migrations and serialises concurrent migrators with a database lock.
 */
export async function migrateMirror<DB>(database: PortalDatabase<DB>): Promise<readonly string[]> {
  const migrations = mirrorMigrations(database.dialect);
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationError(failed?.migrationName ?? '(migrator)', error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
