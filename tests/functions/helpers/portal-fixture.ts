import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';

/** Fixture customers, padded as the ERP's CHAR columns are. */
export const customers = ['C00001', 'C00002', 'C00003', 'C00004'] as const;
/** BigCommerce ids linked to the first three customers; 599 is linked to nobody. */
export const links: Readonly<Record<string, number>> = { C00001: 501, C00002: 502, C00003: 503 };
export const unlinkedBcId = 599;

const pad = (value: string, width: number) => value.padEnd(width, ' ');
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
const stamp = { row_hash: '0000000000000000', sync_date: new Date(Date.UTC(2025, 6, 1)) };

export interface FixtureOrder {
  readonly orderNo: number;
  readonly custNo: string;
  readonly type: string | null;
  readonly status: string | null;
  readonly dayNo: number;
  readonly shipped: boolean;
  readonly invoiced: boolean;
  readonly po: string | null;
}

/**
 * C00001 has 25 orders (paging), 3 quotes and mixed statuses; C00002 and C00003 a few each; C00004
 * none. Orders 1xxx belong to C00001, 2xxx to C00002, 3xxx to C00003.
 */
export function fixtureOrders(): FixtureOrder[] {
  const statuses = ['O', 'C', 'V', 'X'];
  const orders: FixtureOrder[] = [];
  for (let i = 0; i < 25; i += 1) {
    orders.push({
      orderNo: 1001 + i,
      custNo: 'C00001',
      type: i === 24 ? null : 'O',
      status: statuses[i % 4] ?? 'O',
      dayNo: i * 7,
      shipped: i % 3 === 0,
      invoiced: i % 5 === 0,
      po: i === 0 ? '=HYPERLINK("x")' : i === 1 ? 'po, "quoted"' : `PO-${1000 + i}`,
    });
  }
  for (let i = 0; i < 3; i += 1) {
    orders.push({ orderNo: 1101 + i, custNo: 'C00001', type: 'Q', status: 'O', dayNo: 10 + i, shipped: true, invoiced: true, po: `QUOTE-${i}` });
  }
  for (const [base, custNo] of [[2001, 'C00002'], [3001, 'C00003']] as const) {
    for (let i = 0; i < 4; i += 1) {
      orders.push({ orderNo: base + i, custNo, type: i === 3 ? 'Q' : 'O', status: 'C', dayNo: 30 + i, shipped: true, invoiced: true, po: `B-${base + i}` });
    }
  }
  return orders;
}

/** Invoice numbers: 9 + order number, so every invoiced order has its own. */
export const invoiceOf = (orderNo: number) => 90_000 + orderNo;

export async function loadPortalFixture(db: Kysely<MirrorDatabase>): Promise<void> {
  await db
    .insertInto('customer')
    .values(
      customers.map((custNo, i) => ({
        cust_no: custNo,
        cust_name: pad(`Customer ${i + 1}`, 40),
        cust_addr1: pad(`${i + 1} Main St`, 50),
        cust_city: pad('Springfield', 30),
        cust_state: pad('IL', 3),
        cust_zip: pad('62701', 10),
        cust_phone: null,
        active: true,
        ...stamp,
      })),
    )
    .execute();
  const orders = fixtureOrders();
  await db
    .insertInto('ord_hedr')
    .values(
      orders.map((o) => ({
        order_no: o.orderNo,
        ord_type: o.type,
        order_dt: day(o.dayNo),
        cust_no: o.custNo,
        cust_po: o.po === null ? null : pad(o.po, 20),
        buyer: pad('Pat Buyer', 40),
        ship_via: pad('UPS', 3),
        ship_date: o.shipped ? day(o.dayNo + 2) : null,
        inv_no: o.invoiced ? invoiceOf(o.orderNo) : null,
        inv_date: o.invoiced ? day(o.dayNo + 3) : null,
        status: o.status,
        freight: '5.00',
        tax_amt: '1.10',
        ...stamp,
      })),
    )
    .execute();
  await db
    .insertInto('ord_detl')
    .values(
      orders.flatMap((o) => [
        { order_no: o.orderNo, lin_no: '1', item_no: pad('WIDGET-1', 25), item_desc: pad('Widget', 30), ord_qty: 2, qty_shipd: o.shipped ? 2 : 0, unit_price: '10.1000', status: o.status, ...stamp },
        { order_no: o.orderNo, lin_no: '2', item_no: pad('BOLT-7', 25), item_desc: pad('Bolt, 7mm', 30), ord_qty: 3, qty_shipd: o.shipped ? 1 : 0, unit_price: '0.3300', status: o.status, ...stamp },
      ]),
    )
    .execute();
  await db
    .insertInto('customer_link')
    .values(Object.entries(links).map(([custNo, bcId]) => ({ bc_customer_id: bcId, cust_no: custNo, updated_at: new Date() })))
    .execute();
}
