import { sql } from 'kysely';
import { expect } from 'vitest';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { ErpCustomerRow, ErpDatabase, ErpOrderHeaderRow, ErpOrderLineRow } from '../../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';

export type Erp = PortalDatabase<ErpDatabase>;
export type Mirror = PortalDatabase<MirrorDatabase>;

export const now = new Date('2025-06-15T12:00:00.000Z');
export const orderDays = 30;
const day = 86_400_000;
export const daysAgo = (n: number) => new Date(now.getTime() - n * day);

const pad = (text: string, length: number) => text.padEnd(length);

export function customer(n: number, overrides: Partial<ErpCustomerRow> = {}): ErpCustomerRow {
  const no = `C${String(n).padStart(4, '0')}`;
  return {
    cust_no: pad(no, 6),
    cust_name: n % 7 === 0 ? null : pad(`Customer "${n}", Ltd`, 40),
    cust_addr1: pad(`${n} Main St`, 50),
    cust_city: n % 5 === 0 ? null : pad('Springfield', 30),
    cust_state: pad('IL', 3),
    cust_zip: pad(String(60000 + n), 10),
    cust_phone: null,
    active: n % 9 === 0 ? null : n % 4 !== 0,
    ...overrides,
  };
}

export function header(orderNo: number, custNo: string | null, age: number, overrides: Partial<ErpOrderHeaderRow> = {}): ErpOrderHeaderRow {
  return {
    order_no: orderNo,
    ord_type: orderNo % 6 === 0 ? 'Q' : 'O',
    order_dt: daysAgo(age),
    cust_no: custNo === null ? null : pad(custNo, 6),
    cust_po: orderNo % 3 === 0 ? null : pad(`PO-${orderNo}`, 20),
    buyer: pad('Pat Buyer', 40),
    ship_via: pad('UP', 3),
    ship_date: orderNo % 2 === 0 ? daysAgo(Math.max(0, age - 2)) : null,
    inv_no: orderNo % 2 === 0 ? 900000 + orderNo : null,
    inv_date: null,
    status: ['O', 'C', 'V', 'X'][orderNo % 4] ?? 'O',
    freight: orderNo % 5 === 0 ? null : '12.50',
    tax_amt: '1.05',
    ...overrides,
  };
}

export function line(orderNo: number, linNo: number, overrides: Partial<ErpOrderLineRow> = {}): ErpOrderLineRow {
  return {
    order_no: orderNo,
    lin_no: String(linNo),
    item_no: pad(`ITEM-${linNo}`, 25),
    item_desc: linNo % 3 === 0 ? null : pad(`Widget, size ${linNo}`, 30),
    ord_qty: 10 * linNo,
    qty_shipd: linNo % 2 === 0 ? 5 : null,
    unit_price: '3.1415',
    status: 'O',
    ...overrides,
  };
}

/**
 * Customers 1..c; headers 1000+i spread over customers (plus orphans on missing customers and
 * a NULL cust_no), some older than the window; lines 1..3 per header plus lines of a missing header.
 */
export async function seedErp(erp: Erp, size = { customers: 8, orders: 14 }): Promise<void> {
  const customers = Array.from({ length: size.customers }, (_, i) => customer(i + 1));
  const headers: ErpOrderHeaderRow[] = [];
  for (let i = 0; i < size.orders; i++) {
    const custNo = `C${String((i % size.customers) + 1).padStart(4, '0')}`;
    headers.push(header(1000 + i, custNo, i % 5 === 4 ? orderDays + 10 : i % orderDays));
  }
  headers.push(header(2000, 'NOPE01', 1), header(2001, null, 2));
  const lines = headers.flatMap((h) => Array.from({ length: (h.order_no % 3) + 1 }, (_, j) => line(h.order_no, j + 1)));
  lines.push(line(3000, 1), line(3000, 2));
  await erp.db.insertInto('customer').values(customers).execute();
  await erp.db.insertInto('ord_hedr').values(headers).execute();
  await erp.db.insertInto('ord_detl').values(lines).execute();
}

const normal = (row: object) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => k !== 'row_hash' && k !== 'sync_date')
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );

/** What the mirror must hold: customers, in-window orders of known customers, and their lines. */
export async function expectedMirror(erp: Erp, retired: readonly ErpCustomerRow[] = []) {
  const customers = await erp.db.selectFrom('customer').selectAll().orderBy('cust_no').execute();
  const known = new Set([...customers, ...retired].map((c) => c.cust_no));
  const orders = (await erp.db.selectFrom('ord_hedr').selectAll().where('order_dt', '>=', daysAgo(orderDays)).orderBy('order_no').execute()).filter(
    (h) => h.cust_no !== null && known.has(h.cust_no),
  );
  const orderNos = new Set(orders.map((h) => h.order_no));
  const lines = (await erp.db.selectFrom('ord_detl').selectAll().orderBy('order_no').orderBy('lin_no').execute()).filter((l) => orderNos.has(l.order_no));
  const all = [...customers, ...retired].map(normal).sort((a, b) => String(a.cust_no).localeCompare(String(b.cust_no)));
  return { customers: all, orders: orders.map(normal), lines: lines.map(normal) };
}

export async function mirrorContent(mirror: Mirror) {
  const customers = await mirror.db.selectFrom('customer').selectAll().orderBy('cust_no').execute();
  const orders = await mirror.db.selectFrom('ord_hedr').selectAll().orderBy('order_no').execute();
  const lines = await mirror.db.selectFrom('ord_detl').selectAll().orderBy('order_no').orderBy('lin_no').execute();
  return { customers: customers.map(normal), orders: orders.map(normal), lines: lines.map(normal) };
}

export async function expectMirrorEqualsErp(mirror: Mirror, erp: Erp, retired: readonly ErpCustomerRow[] = []): Promise<void> {
  expect(await mirrorContent(mirror)).toEqual(await expectedMirror(erp, retired));
}

/** Empties the mirror's synced tables and checkpoints (between kill-and-resume rounds). */
export async function resetMirror(mirror: Mirror): Promise<void> {
  for (const table of ['ord_detl', 'ord_hedr', 'customer', 'sync_state', 'sync_run'] as const) {
    await sql`delete from ${sql.table(table)}`.execute(mirror.db);
  }
}
