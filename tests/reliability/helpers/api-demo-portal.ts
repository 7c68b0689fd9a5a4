import { loadSettings, type Settings } from '../../../shared/config';
import { createApp } from '../../../shared/composition/create-app';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { ErpDatabase } from '../../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { seedDemoErp } from '../../../shared/demo';
import { linkDemoCustomers } from '../../../shared/dev-host/queries/link-demo-customers';
import type { SyncService } from '../../../shared/sync/sync-service';
import { testEnvironment } from '../../functions/helpers/invoke';
import { createTestErp, createTestMirror } from '../../helpers/databases';

/** One linked demo customer and the numbers of everything the API can show them. */
export interface DemoCustomer {
  readonly custNo: string;
  readonly bcCustomerId: number;
  /** Orders (quotes excluded), newest number last. */
  readonly orders: readonly number[];
  readonly quotes: readonly number[];
  readonly invoices: readonly number[];
  readonly shipped: readonly number[];
  /** Trimmed item numbers on the customer's order lines (quotes excluded), in first-seen order. */
  readonly items: readonly string[];
}

export interface DemoPortal {
  readonly erp: PortalDatabase<ErpDatabase>;
  readonly mirror: PortalDatabase<MirrorDatabase>;
  /** The API's settings: test credentials, plus any overrides given. */
  readonly settings: Settings;
  /** Linked customers in cust_no order. */
  readonly customers: readonly DemoCustomer[];
  readonly byCustNo: ReadonlyMap<string, DemoCustomer>;
  /** Owner of every mirrored header (orders and quotes). */
  readonly ownerOfOrder: ReadonlyMap<number, string>;
  /** Owners of every mirrored invoice number (an invoice may bill several orders). */
  readonly ownersOfInvoice: ReadonlyMap<number, ReadonlySet<string>>;
  /** Invoice numbers that bill orders of more than one customer. */
  readonly sharedInvoices: readonly number[];
  /** A sync over this ERP and mirror; `batchSize` small enough to give many batches. */
  sync(batchSize?: number): SyncService;
  close(): Promise<void>;
}

export interface DemoPortalOptions {
  readonly customers: number;
  readonly seed?: number;
  /** Extra API settings (rate limits) over the test environment. */
  readonly env?: Record<string, string>;
  /** How many invoice numbers to make shared by two customers in the ERP (the ERP does not keep them unique). */
  readonly sharedInvoices?: number;
}

/**
 * Gives `count` pairs of neighbouring customers one invoice number: the first invoiced order of the
 * even-numbered customer is re-billed on the odd one's first invoice, in the ERP, before the sync.
 */
async function shareInvoiceNumbers(erp: PortalDatabase<ErpDatabase>, count: number): Promise<void> {
  const invoiced = await erp.db
    .selectFrom('ord_hedr')
    .select(['order_no', 'cust_no', 'inv_no'])
    .where('inv_no', 'is not', null)
    .where('ord_type', '=', 'O')
    .orderBy('cust_no')
    .orderBy('order_no')
    .execute();
  const first = new Map<string | null, (typeof invoiced)[number]>();
  for (const row of invoiced) if (!first.has(row.cust_no)) first.set(row.cust_no, row);
  const firstByCustomer = [...first.values()];
  for (let i = 0; i + 1 < firstByCustomer.length && i < count * 2; i += 2) {
    const [from, to] = [firstByCustomer[i], firstByCustomer[i + 1]];
    if (!from || !to) break;
    await erp.db.updateTable('ord_hedr').set({ inv_no: to.inv_no }).where('order_no', '=', from.order_no).execute();
  }
}

const syncEnvironment = { SYNC_ORDER_DAYS: '365', SYNC_BATCH_SIZE: '5000', SYNC_TIME_BUDGET_SECONDS: '600', SYNC_CHANGE_TRACKING: 'off' };

async function catalog(mirror: PortalDatabase<MirrorDatabase>, quoteTypes: readonly string[]) {
  const links = await mirror.db.selectFrom('customer_link').select(['bc_customer_id', 'cust_no']).orderBy('cust_no').execute();
  const headers = await mirror.db
    .selectFrom('ord_hedr')
    .select(['order_no', 'cust_no', 'ord_type', 'inv_no', 'ship_date'])
    .orderBy('order_no')
    .execute();
  const ownerOfOrder = new Map<number, string>();
  const ownersOfInvoice = new Map<number, Set<string>>();
  const mutable = new Map(links.map((l) => [l.cust_no.trimEnd(), { custNo: l.cust_no.trimEnd(), bcCustomerId: l.bc_customer_id, orders: [] as number[], quotes: [] as number[], invoices: [] as number[], shipped: [] as number[], items: [] as string[] }]));
  for (const h of headers) {
    const owner = (h.cust_no ?? '').trimEnd();
    ownerOfOrder.set(h.order_no, owner);
    const customer = mutable.get(owner);
    const quote = h.ord_type !== null && quoteTypes.includes(h.ord_type.trimEnd());
    if (h.inv_no !== null && !quote) {
      const owners = ownersOfInvoice.get(h.inv_no) ?? new Set<string>();
      ownersOfInvoice.set(h.inv_no, owners.add(owner));
      if (customer && !customer.invoices.includes(h.inv_no)) customer.invoices.push(h.inv_no);
    }
    if (!customer) continue;
    (quote ? customer.quotes : customer.orders).push(h.order_no);
    if (!quote && h.ship_date !== null) customer.shipped.push(h.order_no);
  }
  const lines = await mirror.db.selectFrom('ord_detl').select(['order_no', 'item_no']).where('item_no', 'is not', null).orderBy('order_no').orderBy('lin_no').execute();
  for (const line of lines) {
    const customer = mutable.get(ownerOfOrder.get(line.order_no) ?? '');
    const item = (line.item_no ?? '').trimEnd();
    if (customer && item !== '' && customer.orders.includes(line.order_no) && !customer.items.includes(item)) customer.items.push(item);
  }
  return { customers: [...mutable.values()], ownerOfOrder, ownersOfInvoice };
}

/**
 * A deterministic demo ERP of `customers` customers, synced into a fresh mirror, every customer
 * linked to a demo BigCommerce id (1001 for the lowest cust_no, …), and a catalog of who owns what.
 */
export async function createDemoPortal(options: DemoPortalOptions): Promise<DemoPortal> {
  const erp = await createTestErp();
  const mirror = await createTestMirror();
  await seedDemoErp(erp, { customers: options.customers, days: 400, seed: options.seed ?? 11 });
  if (options.sharedInvoices) await shareInvoiceNumbers(erp, options.sharedInvoices);
  const sync = (batchSize = Number(syncEnvironment.SYNC_BATCH_SIZE)) =>
    createApp(loadSettings({ ...syncEnvironment, SYNC_BATCH_SIZE: String(batchSize) }), { erp, mirror }).sync;
  const first = await sync().run({ trigger: 'manual', full: true });
  if (first.status !== 'succeeded') throw new Error(`demo sync ${first.status}: ${'error' in first ? first.error : ''}`);
  await linkDemoCustomers(mirror.db);
  const settings = loadSettings({ ...testEnvironment, ...options.env });
  const { customers, ownerOfOrder, ownersOfInvoice } = await catalog(mirror, settings.QUOTE_ORDER_TYPES);
  return {
    erp,
    mirror,
    settings,
    customers,
    byCustNo: new Map(customers.map((c) => [c.custNo, c])),
    ownerOfOrder,
    ownersOfInvoice,
    sharedInvoices: [...ownersOfInvoice].filter(([, owners]) => owners.size > 1).map(([invoiceNo]) => invoiceNo),
    sync,
    async close() {
      await mirror.close();
      await erp.close();
    },
  };
}
