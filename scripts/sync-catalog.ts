import { mainBigCommerceSyncCli } from './lib/bigcommerce-sync-cli';

mainBigCommerceSyncCli({
  name: 'sync-catalog',
  usage: `usage: npm run sync-catalog -- [--json]
  Reads every BigCommerce catalog variant (GET /v3/catalog/variants) and makes catalog_variant match,
  as the catalog-sync timer does: the reorder data of order and invoice lines.
  --json   print only the JSON summary
exit codes: 0 the mirror matches the catalog, 1 not configured or failed (the catalog mirror unchanged)`,
  run: (app) => app.syncCatalog(),
  json: ({ read, mapped, purchasable, unmatchable, duplicates, inserted, updated, removed }) => ({
    read,
    mapped,
    purchasable,
    unmatchable,
    duplicates,
    inserted,
    updated,
    removed,
  }),
  line: ({ read, mapped, purchasable, unmatchable, duplicates, inserted, updated, removed }) =>
    `catalog: ${read} variants read, ${mapped} SKUs mapped (${purchasable} purchasable; ${inserted} inserted, ` +
    `${updated} updated, ${removed} removed), ${unmatchable} SKUs no ERP item can match, ${duplicates} duplicate SKUs`,
});
