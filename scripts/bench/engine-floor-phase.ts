import { sql, type RawBuilder } from 'kysely';
import { getSettings } from '../../shared/config';
import { migrateMirror } from '../../shared/db/migrations/migrate-mirror';
import { pgliteDatabase } from '../../shared/db/open-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { rowHashSql } from '../../shared/erp/row-hash-sql';
import { createScratchTable } from '../../shared/mirror/scratch-table';
import { mergeStage } from '../../shared/mirror/sync/merge-stage';
import { stageSpec } from '../../shared/mirror/sync/stage-tables';
import { syncEntities, type EntityName } from '../../shared/sync/sync-entities';
import { measure } from './bench-child';
import { openPglite } from './open-pglite';

export interface FloorStep {
  readonly entity: EntityName;
  readonly rows: number;
  readonly exportMs: number;
  readonly loadAndMergeMs: number;
}

const dayMs = 86_400_000;

/** The rows the sync mirrors, without orphans: the window by order_dt, lines of mirrored headers. */
function mirroredRows(entity: EntityName, cutoff: string): RawBuilder<unknown> {
  const header = entity === 'orders' ? 't' : 'h';
  const inWindow = sql`${sql.ref(`${header}.order_dt`)} >= ${sql.lit(cutoff)}::timestamp
    and exists (select 1 from customer c where c.cust_no = ${sql.ref(`${header}.cust_no`)})`;
  if (entity === 'customers') return sql`true`;
  if (entity === 'orders') return inWindow;
  return sql`exists (select 1 from ord_hedr h where h.order_no = t.order_no and ${inWindow})`;
}

/**
 * The engine's limit: each entity's mirrored rows exported with COPY, loaded with COPY and merged
 * with the sync's own MERGE in one transaction, without the sync engine (no batches, no hash diff,
 * no checkpoints). Measured into an empty, migrated mirror, as the full sync is.
 */
measure(async () => {
  const settings = getSettings();
  const erp = await openPglite('ERP_CONNECTION', settings.ERP_CONNECTION);
  const mirror = await openPglite('MIRROR_CONNECTION', settings.MIRROR_CONNECTION);
  const mirrorDb = pgliteDatabase<MirrorDatabase>(mirror.pg);
  try {
    await migrateMirror(mirrorDb);
    const cutoff = new Date(Date.now() - settings.SYNC_ORDER_DAYS * dayMs).toISOString();
    const steps: FloorStep[] = [];
    const started = performance.now();
    for (const entity of syncEntities) {
      const columns = sql.join(entity.columns.map((column) => sql.ref(`t.${column}`)));
      const select = sql`copy (select ${columns}, ${rowHashSql(entity, 'pglite')}, localtimestamp(3)
        from ${sql.table(entity.table)} as t where ${mirroredRows(entity.name, cutoff)}) to '/dev/blob' with (format csv)`;
      const exportStarted = performance.now();
      const exported = await erp.pg.query(select.compile(mirrorDb.db).sql);
      const exportMs = performance.now() - exportStarted;
      const blob = exported.blob;
      if (!blob) throw new Error(`${entity.table}: COPY TO returned no data`);
      const loadStarted = performance.now();
      const rows = await mirrorDb.db.transaction().execute(async (trx) => {
        const stage = stageSpec(entity, 'pglite');
        await createScratchTable(trx, stage, 'pglite');
        await mirror.pg.query(`copy ${stage.name} from '/dev/blob' with (format csv)`, [], { blob });
        const merged = await mergeStage(trx, entity, stage, 'pglite');
        return merged.inserted + merged.updated;
      });
      steps.push({ entity: entity.name, rows, exportMs: Math.round(exportMs), loadAndMergeMs: Math.round(performance.now() - loadStarted) });
    }
    return { floorMs: Math.round(performance.now() - started), steps };
  } finally {
    await mirrorDb.close();
    mirror.unlock();
    await erp.pg.close();
    erp.unlock();
  }
});
