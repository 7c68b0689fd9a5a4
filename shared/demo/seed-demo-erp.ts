import type { Kysely } from 'kysely';
import { bulkLoad } from '../db/bulk-load';
import type { PortalDatabase } from '../db/portal-database';
import { customerTable, orderHeaderTable, orderLineTable, type ErpDatabase } from '../db/schema/erp-tables';
import { Catalog } from './catalog';
import { CustomerBook } from './customer-book';
import { withPrimaryKeysDeferred } from './deferred-primary-keys';
import { emptyTally, type DemoCounts, type DemoTally } from './demo-counts';
import { historyStart, resolveDemoOptions, type DemoOptions, type ResolvedDemoOptions } from './demo-options';
import { countRows, erpTableNames, truncateTable, type ErpTableName } from './erp-statements';
import { generateCustomers } from './generate-customers';
import { generateOrders, type OrderSource } from './generate-orders';
import { planOrders } from './order-plan';
import { Random } from './random';

export class DemoErpNotEmptyError extends Error {
  constructor(rows: Readonly<Record<string, number>>) {
    const found = Object.entries(rows)
      .map(([table, count]) => `${table}: ${count.toLocaleString('en-US')} rows`)
      .join(', ');
    super(
      `The ERP already holds data (${found}); the demo seeder only fills an empty ERP. ` +
        'To overwrite a demo ERP, pass replace (npm run seed:demo -- --replace). Never do that to a real ERP.',
    );
    this.name = 'DemoErpNotEmptyError';
  }
}

export async function erpRowCounts(db: Kysely<ErpDatabase>): Promise<Record<ErpTableName, number>> {
  const counts = { customer: 0, ord_hedr: 0, ord_detl: 0 };
  for (const table of erpTableNames) {
    counts[table] = Number((await countRows(db, table).executeTakeFirstOrThrow()).rows);
  }
  return counts;
}

async function makeEmpty(db: Kysely<ErpDatabase>, replace: boolean): Promise<void> {
  const counts = await erpRowCounts(db);
  if (Object.values(counts).every((count) => count === 0)) return;
  if (!replace) throw new DemoErpNotEmptyError(counts);
  for (const table of erpTableNames) await truncateTable(table).execute(db);
}

async function loadCustomers(db: Kysely<ErpDatabase>, book: CustomerBook, options: ResolvedDemoOptions, tally: DemoTally) {
  for (const rows of generateCustomers(book, Random.stream(options.seed, 'customers'), options.chunkSize)) {
    await bulkLoad(db, customerTable, rows);
    tally.customer += rows.length;
    options.onProgress({ table: 'customer', rows: tally.customer, total: book.count });
  }
  for (let i = 0; i < book.count; i++) if (!book.isActive(i)) tally.inactiveCustomers++;
}

async function loadOrders(db: Kysely<ErpDatabase>, source: OrderSource, options: ResolvedDemoOptions, tally: DemoTally) {
  const ordered = new Uint8Array(source.book.count);
  let headers = 0;
  let lines = 0;
  for (const chunk of generateOrders(source, tally, ordered)) {
    await bulkLoad(db, orderHeaderTable, chunk.headers);
    headers += chunk.headers.length;
    options.onProgress({ table: 'ord_hedr', rows: headers, total: source.plan.headers });
    await bulkLoad(db, orderLineTable, chunk.lines);
    lines += chunk.lines.length;
    options.onProgress({ table: 'ord_detl', rows: lines, total: source.plan.lines });
  }
  for (const flag of ordered) if (flag === 0) tally.customersWithoutOrders++;
}

/**
 * Fills an empty ERP with a deterministic demo: the same seed, options and anchor always give
 * identical rows. Generation streams in chunks, and everything runs in one transaction, so a
 * failure leaves the ERP as it was.
 */
export async function seedDemoErp(database: PortalDatabase<ErpDatabase>, options: DemoOptions = {}): Promise<DemoCounts> {
  const resolved = resolveDemoOptions(options);
  const { seed } = resolved;
  const startMs = historyStart(resolved);
  const book = new CustomerBook(resolved.customers, Random.stream(seed, 'customer-book'));
  const source: OrderSource = {
    plan: planOrders(resolved.customers, resolved.days, startMs, Random.stream(seed, 'order-plan')),
    book,
    catalog: new Catalog(Random.stream(seed, 'catalog')),
    random: Random.stream(seed, 'orders'),
    startMs,
    anchorMs: resolved.anchor.getTime(),
    chunkSize: resolved.chunkSize,
  };
  const tally = emptyTally();
  await database.db.transaction().execute(async (trx) => {
    await makeEmpty(trx, resolved.replace);
    await withPrimaryKeysDeferred(trx, database.dialect, erpTableNames, async () => {
      await loadCustomers(trx, book, resolved, tally);
      await loadOrders(trx, source, resolved, tally);
    });
  });
  return tally;
}
