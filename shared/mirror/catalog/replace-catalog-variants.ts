import type { PortalDatabase } from '../../db/portal-database';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { analyzeTable, createScratchTable, dropScratchTable, loadScratchTable } from '../scratch-table';
import { countIncomingVariants, countVanishedVariants, mergeStagedVariants } from './catalog-variant-queries';
import { catalogVariantStage, type CatalogVariantStageTables } from './catalog-variant-stage';

export interface CatalogVariantRow {
  readonly sku: string;
  readonly productId: number;
  readonly variantId: number;
  readonly purchasable: boolean;
}

export interface CatalogChanges {
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
}

/**
 * Makes `catalog_variant` equal to `variants`, the complete set read from BigCommerce: bulk-load a
 * stage, count the changes for the run summary, then MERGE, in one transaction. Callers must pass a
 * complete read: a partial one would delete every variant it missed.
 */
export async function replaceCatalogVariants(
  database: PortalDatabase<MirrorDatabase>,
  variants: readonly CatalogVariantRow[],
  now: Date,
): Promise<CatalogChanges> {
  const changes = await database.db.transaction().execute(async (trx) => {
    const db = trx.withTables<CatalogVariantStageTables>();
    await createScratchTable(db, catalogVariantStage, database.dialect);
    await loadScratchTable(
      db,
      catalogVariantStage,
      variants.map((v) => [v.sku, v.productId, v.variantId, v.purchasable]),
    );
    if (database.dialect === 'pglite') await analyzeTable(db, catalogVariantStage);
    const incoming = await countIncomingVariants(db).executeTakeFirstOrThrow();
    const vanished = await countVanishedVariants(db).executeTakeFirstOrThrow();
    await mergeStagedVariants(db, now).execute();
    await dropScratchTable(db, catalogVariantStage);
    return { inserted: Number(incoming.inserted), updated: Number(incoming.updated), removed: Number(vanished.removed) };
  });
  // PGlite runs no autovacuum: without statistics the reorder join's seeks on the key may turn into scans.
  if (database.dialect === 'pglite') await analyzeTable(database.db, { name: 'catalog_variant' });
  return changes;
}
