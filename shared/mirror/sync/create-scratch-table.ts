import type { SqlDialectName, TableSpec } from '../../db/schema/column-types';
import { createTableFromSpec } from '../../db/schema/create-table';
import type { MirrorDb } from './stage-tables';

export function createScratchTableQuery(db: MirrorDb, spec: TableSpec, dialect: SqlDialectName) {
  const create = createTableFromSpec(db, spec, dialect, 'session');
  return dialect === 'pglite' ? create.temporary() : create;
}

export async function createScratchTable(db: MirrorDb, spec: TableSpec, dialect: SqlDialectName): Promise<void> {
  await createScratchTableQuery(db, spec, dialect).execute();
}
