import { mainBigCommerceSyncCli } from './lib/bigcommerce-sync-cli';

mainBigCommerceSyncCli({
  name: 'link-customers',
  usage: `usage: npm run link-customers -- [--json]
  Reads every BigCommerce customer's ERP number (the BC_ERP_ATTRIBUTE_NAME attribute) and makes
  customer_link match, as the customer-link-sync timer does.
  --json   print only the JSON summary
exit codes: 0 links match BigCommerce, 1 not configured or failed (no links changed)`,
  run: (app) => app.linkCustomers(),
  json: ({ read, linked, inserted, updated, removed, invalid, attributeId }) => ({ read, linked, inserted, updated, removed, invalid, attributeId }),
  line: ({ read, linked, inserted, updated, removed, invalid }) =>
    `customer links: ${read} values read, ${linked} BigCommerce customers linked ` +
    `(${inserted} inserted, ${updated} updated, ${removed} removed), ${invalid} invalid values skipped`,
});
