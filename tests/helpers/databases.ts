import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type Dialect } from 'kysely';
import { inject } from 'vitest';
import { pgliteDatabase } from '../../shared/db/open-database';
import { PGliteDialect } from '../../shared/db/pglite/pglite-dialect';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';

/** A layer put between Kysely and the PGlite driver, such as the bench's link model. */
export type DialectWrap = (dialect: Dialect) => Dialect;

async function fromTemplate<DB>(path: string, wrap?: DialectWrap): Promise<PortalDatabase<DB>> {
  const pg = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(readFileSync(path))]) });
  if (!wrap) return pgliteDatabase<DB>(pg);
  const db = new Kysely<DB>({ dialect: wrap(new PGliteDialect(pg)) });
  return { dialect: 'pglite', db, close: () => db.destroy() };
}

/** A fresh, migrated, empty mirror on a real PGlite engine, cloned from the run's template. */
export function createTestMirror(): Promise<PortalDatabase<MirrorDatabase>> {
  return fromTemplate(inject('pgliteTemplates').mirror);
}

/** A fresh ERP with the seed's tables and no rows; `wrap`, when given, sits beneath Kysely. */
export function createTestErp(wrap?: DialectWrap): Promise<PortalDatabase<ErpDatabase>> {
  return fromTemplate(inject('pgliteTemplates').erp, wrap);
}
