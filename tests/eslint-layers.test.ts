import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules in eslint.config.mjs are regexes over import paths: a renamed folder or a typo
// would silence one without failing `npm run lint`, so each rule is tried on an import it must catch.
const eslint = new ESLint({ cwd: join(__dirname, '..') });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import ${source.startsWith('type ') ? source : `* as m from ${source}`};\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const backEdges: [file: string, from: string][] = [
  ['shared/portal/detail-service.ts', "'../http/api-error'"],
  ['shared/portal/list-service.ts', "'../composition/create-app'"],
  ['shared/portal/list-service.ts', "'../mirror/sync/apply-batch'"],
  ['shared/portal/list-service.ts', "'../erp/erp-query'"],
  ['shared/sync/sync-engine.ts', "'kysely'"],
  ['shared/sync/sync-engine.ts', "'@azure/functions'"],
  ['shared/sync/sync-engine.ts', "'../db/portal-database'"],
  ['shared/sync/sync-engine.ts', "'../mirror/sync/mirror-sync-sink'"],
  ['shared/sync/sync-engine.ts', "'../http/envelope'"],
  ['shared/db/keyset.ts', "'../erp/customer-number'"],
  ['shared/db/mssql/mssql-bulk.ts', "'../../http/envelope'"],
  ['shared/db/keyset.ts', "'../portal/row-window'"],
  ['shared/erp/erp-query.ts', "'../mirror/sync/stage-tables'"],
  ['shared/erp/erp-query.ts', "'../composition/app-databases'"],
  ['shared/mirror/sync/read-mirror-hashes.ts', "'../../erp/read-erp-hashes'"],
  ['shared/mirror/sync/read-mirror-hashes.ts', "'../../http/envelope'"],
  ['shared/mirror/queries/list-order-headers.ts', "'../../portal/list-service'"],
  ['shared/bigcommerce/sync-customer-links.ts', "'../erp/erp-query'"],
  ['shared/bigcommerce/sync-customer-links.ts', "'../mirror/links/replace-customer-links'"],
  ['shared/queue/storage-sync-queue.ts', "'../mirror/sync/sync-run-queries'"],
  ['shared/telemetry/telemetry.ts', "'../http/endpoint'"],
  ['shared/demo/seed-demo-erp.ts', "'../mirror/queries/find-customer'"],
  ['shared/config/load-settings.ts', "'../db/open-database'"],
  ['shared/http/endpoint.ts', "'../composition/create-app'"],
  ['shared/http/endpoint.ts', "'../mirror/queries/find-customer'"],
  ['shared/http/endpoint.ts', "'../erp/erp-query'"],
  ['shared/composition/create-app.ts', "'../dev-host/dev-host'"],
  ['shared/composition/create-app.ts', "'../../functions/me-get'"],
  ['shared/dev-host/dev-host.ts', "'../../storefront/demo/demo-assets'"],
  ['shared/dev-host/dev-host.ts', "'esbuild'"],
  ['shared/dev-host/queries/showcase-customer.ts', "'../../../scripts/dev-host'"],
  ['functions/order-get.ts', "'../shared/mirror/queries/find-order-header'"],
  ['functions/order-get.ts', "'../shared/dev-host/dev-host'"],
  ['storefront/src/api-types.ts', "'../../functions/me-get'"],
  ['storefront/src/api-types.ts', "'../../shared/portal/detail-service'"],
  ['shared/portal/detail-service.ts', "type { ApiError } from '../http/api-error'"],
  ['shared/documents/render-pdf.ts', "'../mirror/queries/find-customer'"],
  ['shared/documents/render-pdf.ts', "'../portal/detail-service'"],
  ['shared/documents/render-pdf.ts', "'kysely'"],
  ['shared/documents/render-pdf.ts', "'../http/envelope'"],
];

const allowed: [file: string, from: string][] = [
  ['shared/portal/detail-service.ts', "'./portal-error'"],
  ['shared/portal/detail-service.ts', "'../mirror/queries/find-customer'"],
  ['shared/sync/sync-entities.ts', "'../db/schema/erp-tables'"],
  ['shared/db/keyset.ts', "'../sync/sync-entities'"],
  ['shared/erp/erp-query.ts', "'../db/keyset'"],
  ['shared/mirror/sync/read-mirror-hashes.ts', "'../../db/keyset'"],
  ['shared/mirror/sync/apply-batch.ts', "'../../sync/sync-entities'"],
  ['shared/mirror/queries/find-customer.ts', "'../sync/stage-tables'"],
  ['shared/mirror/queries/list-order-headers.ts', "type { RowWindow } from '../../portal/row-window'"],
  ['shared/bigcommerce/erp-customer-number.ts', "'../erp/customer-number'"],
  ['shared/http/request-schemas.ts', "'../erp/customer-number'"],
  ['shared/http/operations.ts', "'../portal/dto-schemas'"],
  ['shared/http/endpoint.ts', "'@azure/functions'"],
  ['shared/composition/create-app.ts', "'../mirror/sync/mirror-sync-sink'"],
  ['shared/dev-host/dev-host.ts', "'../composition/create-app'"],
  ['functions/order-get.ts', "'../shared/portal/detail-service'"],
  ['shared/documents/business-document.ts', "type { InvoiceDetailDto } from '../portal/dto-schemas'"],
  ['shared/documents/render-pdf.ts', "'pdfkit'"],
  ['shared/portal/document-service.ts', "'../documents/render-pdf'"],
  ['scripts/dev-host.ts', "'../storefront/demo/demo-assets'"],
  ['storefront/src/api-types.ts', "type { OrderDetailDto } from '../../shared/portal/dto-schemas'"],
];

describe('layer rules in eslint.config.mjs', () => {
  it.each(backEdges)('%s may not import %s', async (file, from) => {
    expect(await restricted(file, from)).toHaveLength(1);
  });

  it.each(allowed)('%s may import %s', async (file, from) => {
    expect(await restricted(file, from)).toEqual([]);
  });
});
