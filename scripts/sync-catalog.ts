import { parseArgs } from 'node:util';
import { createApp } from '../shared/composition/create-app';
import { getSettings } from '../shared/config';

const usage = `usage: npm run sync-catalog -- [--json]
  Reads every BigCommerce catalog variant (GET /v3/catalog/variants) and makes catalog_variant match,
  as the catalog-sync timer does: the reorder data of order and invoice lines.
  --json   print only the JSON summary
exit codes: 0 the mirror matches the catalog, 1 not configured or failed (the catalog mirror unchanged)`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const app = createApp(getSettings());
  try {
    const outcome = await app.syncCatalog();
    if (outcome.status === 'skipped') {
      console.error(`sync-catalog: ${outcome.reason}`);
      return 1;
    }
    const { read, mapped, purchasable, unmatchable, duplicates, inserted, updated, removed } = outcome.summary;
    if (values.json) {
      console.log(JSON.stringify({ status: outcome.status, read, mapped, purchasable, unmatchable, duplicates, inserted, updated, removed }, null, 2));
    } else {
      console.log(
        `catalog: ${read} variants read, ${mapped} SKUs mapped (${purchasable} purchasable; ${inserted} inserted, ` +
          `${updated} updated, ${removed} removed), ${unmatchable} SKUs no ERP item can match, ${duplicates} duplicate SKUs`,
      );
    }
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`sync-catalog: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
