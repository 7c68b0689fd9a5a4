import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';

const pad = (value: string, width: number) => value.padEnd(width, ' ');
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
const stamp = { row_hash: '0000000000000000', sync_date: new Date(Date.UTC(2025, 6, 1)) };

export interface SeedOrder {
  readonly orderNo: number;
  readonly custNo: string;
  readonly type: 'O' | 'Q';
  readonly po: string;
  readonly shipped: boolean;
  readonly invoiceNo: number | null;
}

/**
 * Acme (C00001) has 45 orders, three pages at 20, one PO that looks like markup, and 3 quotes;
 * Borealis (C00002) has 6 orders and a quote, with POs that never match Acme's; Cobalt (C00003)
 * has none. Order numbers 1xxxxx are Acme's, 2xxxxx Borealis's.
 */
export function seedOrders(): SeedOrder[] {
  const orders: SeedOrder[] = [];
  for (let i = 1; i <= 45; i++) {
    orders.push({
      orderNo: 100_000 + i,
      custNo: 'C00001',
      type: 'O',
      po: i === 1 ? '<i>PO-1</i>' : `ACME-${String(i).padStart(4, '0')}`,
      shipped: i % 2 === 0,
      invoiceNo: i % 4 === 0 ? 700_000 + i : null,
    });
  }
  for (let i = 1; i <= 3; i++) orders.push({ orderNo: 100_100 + i, custNo: 'C00001', type: 'Q', po: `ACME-Q-${i}`, shipped: false, invoiceNo: null });
  for (let i = 1; i <= 6; i++) {
    orders.push({ orderNo: 200_000 + i, custNo: 'C00002', type: 'O', po: `BOR-${i}`, shipped: true, invoiceNo: 800_000 + i });
  }
  orders.push({ orderNo: 200_101, custNo: 'C00002', type: 'Q', po: 'BOR-Q-1', shipped: false, invoiceNo: null });
  return orders;
}

export const seedCustomers = [
  { custNo: 'C00001', name: 'Acme Fasteners' },
  { custNo: 'C00002', name: 'Borealis Supply' },
  { custNo: 'C00003', name: 'Cobalt Tools' },
] as const;

/** Lines of every order: 2 × 12.50 and 3 × 0.33, plus 5.00 freight and 1.10 tax. */
export const orderSubtotal = '$25.99';
export const orderTotal = '$32.09';

export async function seedStorefrontMirror(db: Kysely<MirrorDatabase>): Promise<void> {
  await db
    .insertInto('customer')
    .values(
      seedCustomers.map((c) => ({
        cust_no: c.custNo,
        cust_name: pad(c.name, 40),
        cust_addr1: pad('1 Main St', 50),
        cust_city: pad('Springfield', 30),
        cust_state: pad('IL', 3),
        cust_zip: pad('62701', 10),
        cust_phone: null,
        active: true,
        ...stamp,
      })),
    )
    .execute();
  const orders = seedOrders();
  await db
    .insertInto('ord_hedr')
    .values(
      orders.map((o, index) => ({
        order_no: o.orderNo,
        ord_type: o.type,
        order_dt: day(index),
        cust_no: o.custNo,
        cust_po: pad(o.po, 20),
        buyer: pad('Pat Buyer', 40),
        ship_via: pad('UPS', 3),
        ship_date: o.shipped ? day(index + 2) : null,
        inv_no: o.invoiceNo,
        inv_date: o.invoiceNo === null ? null : day(index + 3),
        status: o.shipped ? 'C' : 'O',
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
        { order_no: o.orderNo, lin_no: '1', item_no: pad('WIDGET-1', 25), item_desc: pad('Widget', 30), ord_qty: 2, qty_shipd: o.shipped ? 2 : 0, unit_price: '12.5000', status: 'O', ...stamp },
        { order_no: o.orderNo, lin_no: '2', item_no: pad('BOLT-7', 25), item_desc: pad('Bolt, 7mm', 30), ord_qty: 3, qty_shipd: o.shipped ? 3 : 0, unit_price: '0.3300', status: 'O', ...stamp },
      ]),
    )
    .execute();
}
