import type { Kysely } from 'kysely';
import type { SqlDialectName, TableSpec } from '../../db/schema/column-types';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { SyncEntity } from '../../sync/sync-entities';
import { scratchName } from '../scratch-table';

export type MirrorDb = Kysely<MirrorDatabase>;

/** Staged upserts: the mirror table's columns (source columns, row_hash, sync_date). */
export function stageSpec(entity: SyncEntity, dialect: SqlDialectName): TableSpec {
  return { ...entity.mirror, name: scratchName('stage', entity.table, dialect) };
}

/** Staged deletions: key columns only. */
export function goneSpec(entity: SyncEntity, dialect: SqlDialectName): TableSpec {
  const spec = entity.mirror;
  return {
    name: scratchName('gone', entity.table, dialect),
    primaryKey: spec.primaryKey,
    columns: spec.columns.filter((c) => spec.primaryKey.includes(c.name)),
  };
}
