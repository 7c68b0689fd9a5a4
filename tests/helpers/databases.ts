import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { pgliteDatabase } from '../../shared/db/open-database';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';

async function fromTemplate<DB>(path: string): Promise<PortalDatabase<DB>> {
  const pg = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(readFileSync(path))]) });
  return pgliteDatabase<DB>(pg);
}

/** A fresh, migrated, empty mirror on a real PGlite engine, cloned from the run's template. */
export function createTestMirror(): Promise<PortalDatabase<MirrorDatabase>> {
  return fromTemplate(inject('pgliteTemplates').mirror);
}

/** A fresh ERP with the seed's tables and no rows. */
export function createTestErp(): Promise<PortalDatabase<ErpDatabase>> {
  return fromTemplate(inject('pgliteTemplates').erp);
}
