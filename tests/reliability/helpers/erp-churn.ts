import type { Transaction } from 'kysely';
import type { ErpCustomerRow, ErpDatabase } from '../../../shared/db/schema/erp-tables';
import type { Random } from '../../../shared/demo/random';
import type { Erp } from './expected-mirror';

/** What the check must remember about its own edits to predict the mirror. */
export class ChurnModel {
  /** Customers deleted from the ERP after the mirror had them, as they were then (see expectedMirror). */
  readonly retired = new Map<string, ErpCustomerRow>();
  /**
   * In-window orders of deleted customers: never edited again, so those customers stay referenced
   * and retired. Otherwise whether one is kept would depend on which passes ran before a kill.
   */
  readonly pinned = new Set<number>();
  nextCustomer = 1;
  nextOrder = 900_000;

  /** After the mirror was emptied: nothing is retired any more. */
  forgetMirror(): void {
    this.retired.clear();
    this.pinned.clear();
  }
}

/** ERP rows changed, by kind. */
export interface ChurnCounts {
  updated: number;
  inserted: number;
  deleted: number;
}

interface Churn {
  readonly trx: Transaction<ErpDatabase>;
  readonly random: Random;
  readonly model: ChurnModel;
  readonly windowStart: Date;
  readonly counts: ChurnCounts;
  /** Rows to touch for a table of `total` rows (times `factor`). */
  readonly share: (total: number, factor?: number) => number;
}

type Order = { order_no: number; cust_no: string | null };

const dayMs = 86_400_000;
const trimmed = (value: string | null) => (value ?? '').trimEnd();
const affected = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) => Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);

/** `count` distinct items, seeded. */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as T);
  return picked;
}

/** Deletes, edits (awkward CHAR text, active flips) and new customers; returns the customers still in the ERP. */
async function churnCustomers(c: Churn, orders: readonly Order[]): Promise<string[]> {
  const { trx, random, model, counts } = c;
  const customers = await trx.selectFrom('customer').selectAll().execute();
  const gone = sample(random, customers, c.share(customers.length, 0.5));
  const goneNos = new Set(gone.map((row) => trimmed(row.cust_no)));
  for (const row of gone) model.retired.set(trimmed(row.cust_no), row);
  for (const o of orders) if (goneNos.has(trimmed(o.cust_no))) model.pinned.add(o.order_no);
  if (gone.length > 0) counts.deleted += affected(await trx.deleteFrom('customer').where('cust_no', 'in', gone.map((row) => row.cust_no)).executeTakeFirst());
  const stay = customers.filter((row) => !goneNos.has(trimmed(row.cust_no)));
  for (const row of sample(random, stay, c.share(customers.length))) {
    const name = random.pick([`${trimmed(row.cust_name).slice(0, 20)} & Sons, "Ltd"`, ' Leading, blank', '', null]);
    const set = { cust_name: name, active: random.pick([true, false, null]), cust_phone: random.chance(0.5) ? null : '555-0100' };
    counts.updated += affected(await trx.updateTable('customer').set(set).where('cust_no', '=', row.cust_no).executeTakeFirst());
  }
  const live = stay.map((row) => row.cust_no);
  for (let i = c.share(customers.length, 0.5); i > 0; i--) {
    const custNo = `N${String(model.nextCustomer++).padStart(5, '0')}`;
    await trx.insertInto('customer').values({ cust_no: custNo, cust_name: `New, "${custNo}"`, cust_addr1: null, cust_city: 'Tulsa', cust_state: 'OK', cust_zip: null, cust_phone: null, active: true }).execute();
    live.push(custNo);
    counts.inserted++;
  }
  return live;
}

/** Edits, window exits, orphaning and re-assignment of unpinned orders; deletions; new orders with lines, some headerless. */
async function churnOrders(c: Churn, orders: readonly Order[], live: readonly string[]): Promise<void> {
  const { trx, random, model, counts, windowStart } = c;
  const free = orders.filter((o) => !model.pinned.has(o.order_no));
  const dropped = sample(random, free, c.share(orders.length, 0.5));
  for (const o of dropped) {
    counts.deleted += affected(await trx.deleteFrom('ord_hedr').where('order_no', '=', o.order_no).executeTakeFirst());
    // Half the time the lines stay behind: lines may name a missing header.
    if (random.chance(0.5)) counts.deleted += affected(await trx.deleteFrom('ord_detl').where('order_no', '=', o.order_no).executeTakeFirst());
  }
  for (const o of sample(random, free.filter((f) => !dropped.includes(f)), c.share(orders.length))) {
    const roll = random.next();
    const edit =
      roll < 0.1
        ? { order_dt: new Date(windowStart.getTime() - random.int(1, 20) * dayMs) }
        : roll < 0.2
          ? { cust_no: `Z${String(random.int(0, 99_999)).padStart(5, '0')}` }
          : roll < 0.3
            ? { cust_no: random.pick(live) }
            : { status: random.pick(['O', 'C', 'V', 'h']), freight: random.chance(0.2) ? null : `${random.int(0, 999)}.${random.int(10, 99)}`, cust_po: random.pick([null, 'PO, "rush"', '  spaced']) };
    counts.updated += affected(await trx.updateTable('ord_hedr').set(edit).where('order_no', '=', o.order_no).executeTakeFirst());
  }
  for (let i = c.share(orders.length, 0.5); i > 0; i--) {
    const orderNo = model.nextOrder++;
    const orderDt = new Date(windowStart.getTime() + random.int(1, 360) * dayMs + random.int(0, dayMs - 1));
    if (random.chance(0.9)) {
      const custNo = random.chance(0.1) ? 'ZZ0000' : random.pick(live);
      await trx.insertInto('ord_hedr').values({ order_no: orderNo, ord_type: random.pick(['O', 'Q']), order_dt: orderDt, cust_no: custNo, cust_po: null, buyer: 'Reliability', ship_via: null, ship_date: null, inv_no: null, inv_date: null, status: 'O', freight: '9.50', tax_amt: null }).execute();
      counts.inserted++;
    }
    const rows = Array.from({ length: random.int(1, 4) }, (_, j) => ({ order_no: orderNo, lin_no: String(j + 1), item_no: `ITEM-${j}`, item_desc: random.chance(0.3) ? null : 'Widget, "large"', ord_qty: random.int(1, 50), qty_shipd: 0, unit_price: '12.3400', status: 'O' }));
    await trx.insertInto('ord_detl').values(rows).execute();
    counts.inserted += rows.length;
  }
}

async function churnLines(c: Churn, orders: readonly Order[]): Promise<void> {
  const { trx, random, counts } = c;
  const lines = await trx.selectFrom('ord_detl').select(['order_no', 'lin_no']).execute();
  const deleteLine = (l: { order_no: number; lin_no: string }) => trx.deleteFrom('ord_detl').where('order_no', '=', l.order_no).where('lin_no', '=', l.lin_no);
  for (const l of sample(random, lines, c.share(lines.length, 0.5))) counts.deleted += affected(await deleteLine(l).executeTakeFirst());
  for (const l of sample(random, lines, c.share(lines.length))) {
    const set = { qty_shipd: random.int(0, 20), status: random.pick(['O', 'C', null]), unit_price: `${random.int(1, 500)}.${random.int(1000, 9999)}` };
    counts.updated += affected(await trx.updateTable('ord_detl').set(set).where('order_no', '=', l.order_no).where('lin_no', '=', l.lin_no).executeTakeFirst());
  }
  const last = new Map<number, number>();
  for (const l of lines) last.set(l.order_no, Math.max(last.get(l.order_no) ?? 0, Number(l.lin_no)));
  for (const o of sample(random, orders, c.share(lines.length, 0.5))) {
    const linNo = (last.get(o.order_no) ?? 0) + 1;
    last.set(o.order_no, linNo);
    await trx.insertInto('ord_detl').values({ order_no: o.order_no, lin_no: String(linNo), item_no: 'ADDED', item_desc: null, ord_qty: 1, qty_shipd: null, unit_price: null, status: 'O' }).execute();
    counts.inserted++;
  }
}

/**
 * Seeded updates, inserts and deletes on all three tables in one ERP transaction: about `rate` of
 * each table edited, half that inserted and deleted. New order dates stay well inside the window,
 * and orders leaving it go well before its start (see clearWindowStart).
 */
export async function churnErp(erp: Erp, random: Random, model: ChurnModel, windowStart: Date, rate: number): Promise<ChurnCounts> {
  const counts: ChurnCounts = { updated: 0, inserted: 0, deleted: 0 };
  const share = (total: number, factor = 1) => Math.max(1, Math.round(total * rate * factor));
  await erp.db.transaction().execute(async (trx) => {
    const inWindow = await trx.selectFrom('ord_hedr').select(['order_no', 'cust_no']).where('order_dt', '>=', windowStart).execute();
    const c: Churn = { trx, random, model, windowStart, counts, share };
    const live = await churnCustomers(c, inWindow);
    await churnOrders(c, inWindow, live);
    await churnLines(c, inWindow);
  });
  return counts;
}
