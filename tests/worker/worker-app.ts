import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadSettings } from '../../shared/config';
import { createApp } from '../../shared/composition/create-app';
import { pgliteDatabase } from '../../shared/db/open-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { seedDemoErp } from '../../shared/demo';
import { clientSecret } from '../functions/helpers/invoke';

export const appRoot = resolve(__dirname, '..', '..');

/**
 * Microsoft's Node.js worker, from FUNCTIONS_NODE_WORKER_DIR (relative to the repository root):
 * CI sets ../shared/functions-node-worker; with Core Tools, `<core tools>/workers/node`.
 */
export function workerDirectory(): string | undefined {
  const setting = process.env.FUNCTIONS_NODE_WORKER_DIR?.trim();
  if (!setting) return undefined;
  const directory = resolve(appRoot, setting);
  if (!existsSync(join(directory, 'dist', 'src', 'nodejsWorker.js')) || !existsSync(join(directory, 'proto', 'FunctionRpc.proto'))) {
    throw new Error(`FUNCTIONS_NODE_WORKER_DIR=${setting}: no dist/src/nodejsWorker.js and proto/FunctionRpc.proto in ${directory}`);
  }
  return directory;
}

/** `npm run build`: the worker loads the compiled app (package.json `main`), as in production. */
export function buildApp(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: appRoot, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

const key = (prefix: string) => `${prefix}-${randomBytes(24).toString('hex')}`;

/**
 * Credentials of the worker's app settings: production-length keys, and the BigCommerce app and
 * store that the handler tests' current-customer tokens are signed for.
 */
export const credentials = {
  apiKey: key('api'),
  adminKey: key('admin'),
  clientId: 'client-abc',
  clientSecret,
  storeHash: 'store1',
  bcApiToken: key('bc'),
} as const;

/** The keys, BigCommerce app, CORS origin and demo switch of both suites' production-shaped settings. */
export const productionAccess = {
  PORTAL_API_KEYS: credentials.apiKey,
  PORTAL_ADMIN_KEYS: credentials.adminKey,
  BC_CLIENT_ID: credentials.clientId,
  BC_CLIENT_SECRET: credentials.clientSecret,
  BC_STORE_HASH: credentials.storeHash,
  BC_API_TOKEN: credentials.bcApiToken,
  CORS_ALLOWED_ORIGINS: 'https://shop.example.com',
  DEMO_MODE: 'off',
} as const;

/** Ids the HTTP cases need, read from the synced mirror. */
export interface MirrorFacts {
  readonly custNo: string;
  readonly orderNo: number;
  readonly invoiceNo: number;
  readonly bcCustomerId: number;
  /** A quote of the demo ERP and its customer (anyone's: the API key names it). */
  readonly quote: { readonly quoteNo: number; readonly custNo: string };
}

/** App settings as the Functions host would pass them: explicit databases, keys, a Storage account, DEMO_MODE=off. */
export function workerEnvironment(
  directory: string,
  storageConnection: string,
  applicationInsights: string,
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    FUNCTIONS_WORKER_RUNTIME: 'node',
    WEBSITE_SITE_NAME: 'erp-portal-worker-suite',
    ERP_CONNECTION: `pglite:${join(directory, 'erp')}`,
    MIRROR_CONNECTION: `pglite:${join(directory, 'mirror')}`,
    SYNC_SCHEDULE: '0 */15 * * * *',
    LINK_SYNC_SCHEDULE: '0 5,20,35,50 * * * *',
    CATALOG_SYNC_SCHEDULE: '0 10 * * * *',
    ...productionAccess,
    // Manual sync requests go to this Storage account's `sync-requests` queue (Azurite in the suite).
    AzureWebJobsStorage: storageConnection,
    // Telemetry goes to the suite's fake ingestion endpoint, whose certificate is self-signed.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights,
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
  };
}

const template = (path: string) => new Blob([new Uint8Array(readFileSync(path))]);

/**
 * File-backed ERP and mirror directories from the test templates: a small demo ERP, synced once
 * into the mirror with the production sync wiring, and one storefront customer linked. Both are
 * closed again, since the worker opens them itself.
 */
export async function prepareDatabases(
  directory: string,
  templates: { readonly erp: string; readonly mirror: string },
  bcCustomerId: number,
): Promise<MirrorFacts> {
  const erp = pgliteDatabase<ErpDatabase>(await PGlite.create({ dataDir: join(directory, 'erp'), loadDataDir: template(templates.erp) }));
  const mirror = pgliteDatabase<MirrorDatabase>(await PGlite.create({ dataDir: join(directory, 'mirror'), loadDataDir: template(templates.mirror) }));
  try {
    await seedDemoErp(erp, { customers: 40, days: 120, seed: 7 });
    const outcome = await createApp(loadSettings({}), { erp, mirror }).sync.run({ trigger: 'manual' });
    if (outcome.status !== 'succeeded') throw new Error(`Preparing the mirror: sync ${outcome.status}`);
    const invoiced = await mirror.db
      .selectFrom('ord_hedr')
      .select(['cust_no', 'order_no', 'inv_no'])
      .where('inv_no', 'is not', null)
      .where('ord_type', '<>', 'Q')
      .orderBy('order_no')
      .executeTakeFirstOrThrow();
    const quote = await mirror.db.selectFrom('ord_hedr').select(['cust_no', 'order_no']).where('ord_type', '=', 'Q').orderBy('order_no').executeTakeFirstOrThrow();
    const custNo = String(invoiced.cust_no).trim();
    await mirror.db.insertInto('customer_link').values({ bc_customer_id: bcCustomerId, cust_no: custNo, updated_at: new Date() }).execute();
    return { custNo, orderNo: invoiced.order_no, invoiceNo: Number(invoiced.inv_no), bcCustomerId, quote: { quoteNo: quote.order_no, custNo: String(quote.cust_no).trim() } };
  } finally {
    await erp.close();
    await mirror.close();
  }
}
