import type { Migration } from 'kysely';
import type { SqlDialectName } from '../schema/column-types';
import { mirrorTablesMigration } from './0001-mirror-tables';
import { orderSummaryViewMigration } from './0002-order-summary-view';
import { catalogVariantsMigration } from './0003-catalog-variants';
import { orderSummaryLineAmountsMigration } from './0004-order-summary-line-amounts';

/** Ordered mirror migrations. Names are permanent: Kysely records them in kysely_migration. */
export function mirrorMigrations(dialect: SqlDialectName): Record<string, Migration> {
  return {
    '0001-mirror-tables': mirrorTablesMigration(dialect),
    '0002-order-summary-view': orderSummaryViewMigration,
    '0003-catalog-variants': catalogVariantsMigration(dialect),
    '0004-order-summary-line-amounts': orderSummaryLineAmountsMigration(dialect),
  };
}
