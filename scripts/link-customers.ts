import { parseArgs } from 'node:util';
import { createApp } from '../shared/composition/create-app';
import { getSettings } from '../shared/config';

const usage = `usage: npm run link-customers -- [--json]
  Reads every BigCommerce customer's ERP number (the BC_ERP_ATTRIBUTE_NAME attribute) and makes
  customer_link match, as the customer-link-sync timer does.
  --json   print only the JSON summary
exit codes: 0 links match BigCommerce, 1 not configured or failed (no links changed)`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const app = createApp(getSettings());
  try {
    const outcome = await app.linkCustomers();
    if (outcome.status === 'skipped') {
      console.error(`link-customers: ${outcome.reason}`);
      return 1;
    }
    const { read, linked, inserted, updated, removed, invalid, attributeId } = outcome.summary;
    if (values.json) {
      console.log(JSON.stringify({ status: outcome.status, read, linked, inserted, updated, removed, invalid, attributeId }, null, 2));
    } else {
      console.log(
        `customer links: ${read} values read, ${linked} BigCommerce customers linked ` +
          `(${inserted} inserted, ${updated} updated, ${removed} removed), ${invalid} invalid values skipped`,
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
    console.error(`link-customers: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
