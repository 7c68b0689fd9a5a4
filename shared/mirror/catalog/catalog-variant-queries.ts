import { sql, type Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { CatalogVariantStageTables } from './catalog-variant-stage';

export type StagedCatalogDatabase = MirrorDatabase & CatalogVariantStageTables;

/** Staged variants that are new, and those whose product, variant or purchasability changed. */
export function countIncomingVariants(db: Kysely<StagedCatalogDatabase>) {
  return db
    .selectFrom('#catalog_variant_stage as s')
    .leftJoin('catalog_variant as c', 'c.sku', 's.sku')
    .select([
      sql<number>`coalesce(sum(case when c.sku is null then 1 else 0 end), 0)`.as('inserted'),
      sql<number>`coalesce(sum(case when c.product_id <> s.product_id or c.variant_id <> s.variant_id or c.purchasable <> s.purchasable then 1 else 0 end), 0)`.as(
        'updated',
      ),
    ]);
}

/** Mirrored SKUs the complete read no longer lists. */
export function countVanishedVariants(db: Kysely<StagedCatalogDatabase>) {
  return db
    .selectFrom('catalog_variant as c')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('#catalog_variant_stage as s').select('s.sku').whereRef('s.sku', '=', 'c.sku'))),
    )
    .select(({ fn }) => fn.countAll<number>().as('removed'));
}

/** One statement that inserts, updates and deletes, so readers never see the catalog half-replaced. */
export function mergeStagedVariants(db: Kysely<StagedCatalogDatabase>, now: Date) {
  return db
    .mergeInto('catalog_variant as t')
    .using('#catalog_variant_stage as s', 't.sku', 's.sku')
    .whenMatchedAnd((eb) =>
      eb.or([eb('t.product_id', '<>', eb.ref('s.product_id')), eb('t.variant_id', '<>', eb.ref('s.variant_id')), eb('t.purchasable', '<>', eb.ref('s.purchasable'))]),
    )
    .thenUpdateSet((eb) => ({
      product_id: eb.ref('s.product_id'),
      variant_id: eb.ref('s.variant_id'),
      purchasable: eb.ref('s.purchasable'),
      updated_at: now,
    }))
    .whenNotMatched()
    .thenInsertValues((eb) => ({
      sku: eb.ref('s.sku'),
      product_id: eb.ref('s.product_id'),
      variant_id: eb.ref('s.variant_id'),
      purchasable: eb.ref('s.purchasable'),
      updated_at: now,
    }))
    .whenNotMatchedBySource()
    .thenDelete();
}
