import type { Kysely, Migration } from 'kysely';
import { catalogVariantTable } from '../schema/catalog-tables';
import type { SqlDialectName } from '../schema/column-types';
import { createTableFromSpec } from '../schema/create-table';

/** The BigCommerce catalog mirror behind reorder data (`catalog_variant`, keyed by SKU). */
export function catalogVariantsMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await createTableFromSpec(db, catalogVariantTable, dialect).execute();
    },
  };
}
