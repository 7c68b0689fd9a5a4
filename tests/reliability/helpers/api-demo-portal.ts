import { loadSettings, type Settings } from '../../../shared/config';
import { createApp } from '../../../shared/composition/create-app';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { ErpDatabase } from '../../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { seedDemoErp } from '../../../shared/demo';
import { linkDemoCustomers } from '../../../shared/mirror/queries/link-demo-customers';
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
  /** A sync over this ERP and mirror; `batchSize` small enough to give many batches. */
  sync(batchSize?: number): SyncService;
  close(): Promise<void>;
}

export interface DemoPortalOptions {
  readonly customers: number;
  readonly seed?: number;
  /** Extra API settings (rate limits) over the test environment. */
  readonly env?: Record<string, string>;
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
  const mutable = new Map(links.map((l) => [l.cust_no.trimEnd(), { custNo: l.cust_no.trimEnd(), bcCustomerId: l.bc_customer_id, orders: [] as number[], quotes: [] as number[], invoices: [] as number[], shipped: [] as number[] }]));
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
    sync,
    async close() {
      await mirror.close();
      await erp.close();
    },
  };
}
