import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { pgliteDatabase } from '../../shared/db/open-database';
import { migrateMirror } from '../../shared/db/migrations/migrate-mirror';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { seedDemoErp } from '../../shared/demo';
import { productionAccess, type MirrorFacts } from '../worker/worker-app';

/**
 * The app as deployed (what `npm run package` zips): host.json, package.json and the built dist/,
 * with the checkout's node_modules linked in. A copy, because the host restarts when anything under
 * its script root changes, and tests write into the checkout.
 */
export function stageApp(appRoot: string, scriptRoot: string): void {
  mkdirSync(scriptRoot, { recursive: true });
  for (const file of ['host.json', 'package.json']) cpSync(join(appRoot, file), join(scriptRoot, file));
  cpSync(join(appRoot, 'dist'), join(scriptRoot, 'dist'), { recursive: true });
  symlinkSync(join(appRoot, 'node_modules'), join(scriptRoot, 'node_modules'), 'dir');
}

export const hostJson = (appRoot: string) => JSON.parse(readFileSync(join(appRoot, 'host.json'), 'utf8'));

const template = (path: string) => new Blob([new Uint8Array(readFileSync(path))]);

/** ERP seed of the suite: big enough that a first sync spans many batches, so it can be killed mid-run. */
export const seed = { customers: 2000, days: 120, seed: 7 } as const;

/**
 * File-backed ERP and mirror directories from the test templates: the demo ERP seeded, the mirror
 * migrated but never synced (the suite's first run through the queue fills it), and one storefront
 * customer linked. The facts name a customer with an invoiced order, read from the ERP itself.
 */
export async function prepareDatabases(
  directory: string,
  templates: { readonly erp: string; readonly mirror: string },
  bcCustomerId: number,
): Promise<MirrorFacts & { readonly erpRows: Record<'customers' | 'orders' | 'lines', number> }> {
  const erp = pgliteDatabase<ErpDatabase>(await PGlite.create({ dataDir: join(directory, 'erp'), loadDataDir: template(templates.erp) }));
  const mirror = pgliteDatabase<MirrorDatabase>(await PGlite.create({ dataDir: join(directory, 'mirror'), loadDataDir: template(templates.mirror) }));
  try {
    await seedDemoErp(erp, seed);
    await migrateMirror(mirror);
    const invoiced = await erp.db
      .selectFrom('ord_hedr as h')
      .innerJoin('customer as c', 'c.cust_no', 'h.cust_no')
      .select(['h.cust_no', 'h.order_no', 'h.inv_no'])
      .where('h.inv_no', 'is not', null)
      .where('h.ord_type', '<>', 'Q')
      .where('h.status', '<>', 'V')
      .orderBy('h.order_no')
      .executeTakeFirstOrThrow();
    const quote = await erp.db
      .selectFrom('ord_hedr as h')
      .innerJoin('customer as c', 'c.cust_no', 'h.cust_no')
      .select(['h.cust_no', 'h.order_no'])
      .where('h.ord_type', '=', 'Q')
      .orderBy('h.order_no')
      .executeTakeFirstOrThrow();
    const custNo = String(invoiced.cust_no).trim();
    await mirror.db.insertInto('customer_link').values({ bc_customer_id: bcCustomerId, cust_no: custNo, updated_at: new Date() }).execute();
    const count = async (table: 'customer' | 'ord_hedr' | 'ord_detl') =>
      Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(erp.db)).rows[0]?.n);
    const erpRows = { customers: await count('customer'), orders: await count('ord_hedr'), lines: await count('ord_detl') };
    return {
      custNo,
      orderNo: invoiced.order_no,
      invoiceNo: Number(invoiced.inv_no),
      bcCustomerId,
      quote: { quoteNo: quote.order_no, custNo: String(quote.cust_no).trim() },
      erpRows,
    };
  } finally {
    await erp.close();
    await mirror.close();
  }
}

/** Azurite's documented development account, with all three services (timers need blobs). */
export function storageConnection(ports: { readonly blob: number; readonly queue: number; readonly table: number }): string {
  const account = 'devstoreaccount1';
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${account}`,
    `AccountKey=${key}`,
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${account}`,
    `QueueEndpoint=http://127.0.0.1:${ports.queue}/${account}`,
    `TableEndpoint=http://127.0.0.1:${ports.table}/${account}`,
    '',
  ].join(';');
}

/** A schedule that never fires during the suite (1 January, midnight). */
export const never = '0 0 0 1 1 *';

/**
 * App settings as Azure would hold them (production environment, explicit databases, keys of
 * production length, DEMO_MODE=off), with the BigCommerce API at the suite's fake.
 */
export function hostSettings(options: {
  readonly directory: string;
  readonly storage: string;
  readonly bigCommerceOrigin: string;
  readonly nodeWorkerDirectory: string;
  readonly schedules: { readonly sync: string; readonly link: string; readonly catalog: string };
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_WORKER_DIR: options.nodeWorkerDirectory,
    AZURE_FUNCTIONS_ENVIRONMENT: 'Production',
    WEBSITE_SITE_NAME: 'erp-portal-host-suite',
    AzureWebJobsStorage: options.storage,
    ERP_CONNECTION: `pglite:${join(options.directory, 'erp')}`,
    MIRROR_CONNECTION: `pglite:${join(options.directory, 'mirror')}`,
    SYNC_SCHEDULE: options.schedules.sync,
    LINK_SYNC_SCHEDULE: options.schedules.link,
    CATALOG_SYNC_SCHEDULE: options.schedules.catalog,
    // Small batches: the first sync commits many checkpoints, so the suite can kill it between two.
    SYNC_BATCH_SIZE: '50',
    ...productionAccess,
    BC_API_BASE_URL: options.bigCommerceOrigin,
  };
}

/**
 * The mirror's commits as the file system sees them: the newest write time of its WAL segments, which
 * each commit (a batch with its checkpoint) moves. The worker's event loop is busy during a sync, so
 * nothing it serves can say how far the run is; its files can.
 */
export function mirrorWalWrittenAt(directory: string): number {
  const wal = join(directory, 'mirror', 'pg_wal');
  return Math.max(0, ...readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f)).map((f) => statSync(join(wal, f)).mtimeMs));
}
