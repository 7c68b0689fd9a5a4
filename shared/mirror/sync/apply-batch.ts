import type { BulkRow } from '../../db/bulk-table';
import type { SqlDialectName } from '../../db/schema/column-types';
import { cascadeOf, type KeyValues, type SyncEntity } from '../../sync/sync-entities';
import type { BatchResult, BatchWrite } from '../../sync/sync-ports';
import { analyzeTable, createScratchTable, dropScratchTable, loadScratchTable } from '../scratch-table';
import { deleteStagedKeys } from './delete-staged-keys';
import { mergeStage } from './merge-stage';
import { pruneOrphans } from './prune-orphans';
import { retireGoneCustomers } from './retire-gone-customers';
import { saveCheckpoint } from './save-checkpoint';
import { goneSpec, stageSpec, type MirrorDb } from './stage-tables';

type Counts = Omit<BatchResult, 'skipped' | 'inserted'>;

async function upsert(trx: MirrorDb, entity: SyncEntity, batch: BatchWrite, dialect: SqlDialectName) {
  const stage = stageSpec(entity, dialect);
  await createScratchTable(trx, stage, dialect);
  const rows: BulkRow[] = batch.upserts.map(({ row, hash }) => [...entity.columns.map((c) => row[c] ?? null), hash, batch.syncDate]);
  await loadScratchTable(trx, stage, rows);
  if (dialect === 'pglite') await analyzeTable(trx, stage);
  const orphans = await pruneOrphans(trx, entity, stage, dialect);
  const merged = await mergeStage(trx, entity, stage, dialect);
  await dropScratchTable(trx, stage);
  return { ...merged, orphans };
}

/** Deletes rows gone from the source by the entity's gone rule: retired, or deleted with their cascade children. */
async function remove(trx: MirrorDb, entity: SyncEntity, keys: readonly KeyValues[], syncDate: Date, dialect: SqlDialectName): Promise<Counts> {
  const gone = goneSpec(entity, dialect);
  await createScratchTable(trx, gone, dialect);
  await loadScratchTable(trx, gone, keys);
  if (dialect === 'pglite') await analyzeTable(trx, gone);
  let counts: Counts;
  if (entity.gone.kind === 'retire') {
    const { deactivated, deleted } = await retireGoneCustomers(trx, gone, syncDate);
    counts = { updated: deactivated, deleted, cascaded: 0 };
  } else {
    const cascade = cascadeOf(entity);
    const cascaded = cascade ? await deleteStagedKeys(trx, cascade.table, gone, [cascade.column]) : 0;
    counts = { updated: 0, deleted: await deleteStagedKeys(trx, entity.table, gone, entity.key), cascaded };
  }
  await dropScratchTable(trx, gone);
  return counts;
}

/**
 * One batch, one mirror transaction: stage + prune orphans + MERGE, delete what is gone (including
 * rows that changed into orphans), then move the checkpoint. A crash anywhere rolls all of it back.
 */
export async function applyBatch(db: MirrorDb, dialect: SqlDialectName, entity: SyncEntity, batch: BatchWrite): Promise<BatchResult> {
  return db.transaction().execute(async (trx) => {
    const upserted = batch.upserts.length > 0 ? await upsert(trx, entity, batch, dialect) : { inserted: 0, updated: 0, orphans: [] };
    const goneKeys = [...batch.gone, ...upserted.orphans];
    const removed = goneKeys.length > 0 ? await remove(trx, entity, goneKeys, batch.syncDate, dialect) : { updated: 0, deleted: 0, cascaded: 0 };
    await saveCheckpoint(trx, entity.name, batch.checkpoint, batch.syncDate);
    return {
      inserted: upserted.inserted,
      updated: upserted.updated + removed.updated,
      deleted: removed.deleted,
      skipped: upserted.orphans.length,
      cascaded: removed.cascaded,
    };
  });
}
