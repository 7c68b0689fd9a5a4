import '../functions/helpers/record-routes-only';
import type { AppEndpoint } from '../../shared/composition/app-routes';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGet } from '../../functions/customer-get';
import { orderGet } from '../../functions/order-get';
import { ordersList } from '../../functions/orders-list';
import { invoke, useTestApi, withKey, withToken, type Answer } from '../functions/helpers/invoke';
import { createDemoPortal, type DemoPortal } from './helpers/api-demo-portal';
import { validToken } from './helpers/api-tokens';
import { reportFigures } from './helpers/figures';

/**
 * Why reads interleave with the sync although PGlite is one session: the Kysely driver hands its one
 * connection to one caller at a time, first come first served. Each sync batch is one transaction
 * that holds the connection from BEGIN to COMMIT; readers queued meanwhile get it right after the
 * commit, before the sync's next statement. So every read sees a committed state between two
 * batches, as a READ COMMITTED reader on SQL Server would, and a small batch size gives many such
 * states. The check counts the batches that reads landed between.
 */
const batchSize = 20;
const readers = 6;
const newBuyer = 'Resync Buyer';

interface Target {
  readonly custNo: string;
  readonly headers: Record<string, string>;
  /** Orders with their line counts, and the customer's order total, as before the sync. */
  readonly orders: readonly { readonly orderNo: number; readonly lines: number }[];
  readonly total: number;
}

interface Read {
  readonly resource: string;
  readonly answer: Answer;
  /** Started after the sync started and finished before it ended. */
  readonly duringSync: boolean;
  /** Sync batches committed when the read finished. */
  readonly batch: number;
  /** The answer is not what existed before and after (missing order, lost lines, changed total). */
  readonly wrong: string | undefined;
}

let portal: DemoPortal;
let targets: Target[];

/** Rewrites most rows of every ERP table without touching keys, owners or dates, so every batch MERGEs updates. */
async function changeMostErpRows(): Promise<number> {
  const erp = portal.erp.db;
  const customers = await erp.updateTable('customer').set({ cust_city: 'Resync City' }).where('cust_no', 'not like', '%0').executeTakeFirst();
  const orders = await erp.updateTable('ord_hedr').set({ buyer: newBuyer }).where(sql<boolean>`order_no % 10 <> 0`).executeTakeFirst();
  const lines = await erp.updateTable('ord_detl').set({ item_desc: 'Resynced item' }).where(sql<boolean>`order_no % 10 <> 3`).executeTakeFirst();
  return Number(customers.numUpdatedRows + orders.numUpdatedRows + lines.numUpdatedRows);
}

beforeAll(async () => {
  portal = await createDemoPortal({ customers: 300 });
  useTestApi(portal.mirror, { env: { RATE_LIMIT_BURST: '1000000' } });
  // Orders well inside the 365-day window, so none can age out while the check runs.
  const inWindow = await portal.mirror.db
    .selectFrom('ord_hedr')
    .select(['order_no', 'cust_no'])
    .where('order_dt', '>=', new Date(Date.now() - 350 * 86_400_000))
    .where((eb) => eb.or([eb('ord_type', 'is', null), eb('ord_type', 'not in', portal.settings.QUOTE_ORDER_TYPES)]))
    .execute();
  const lineCounts = await portal.mirror.db.selectFrom('ord_detl').select(['order_no', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('order_no').execute();
  const linesOf = new Map(lineCounts.map((row) => [row.order_no, Number(row.n)]));
  targets = [];
  for (const [i, customer] of portal.customers.entries()) {
    const orders = inWindow.filter((o) => o.cust_no?.trimEnd() === customer.custNo).map((o) => ({ orderNo: o.order_no, lines: linesOf.get(o.order_no) ?? 0 }));
    if (orders.length === 0) continue;
    const headers = i % 2 === 0 ? withKey() : withToken(await validToken(customer.bcCustomerId));
    const list = await invoke(ordersList, `v1/orders?customer=${customer.custNo}&pageSize=5`, { headers });
    targets.push({ custNo: customer.custNo, headers, orders, total: list.json.data.pagination.total });
  }
});

afterAll(() => portal.close());

/** The three reads a buyer's account page makes, checked against what existed before the sync. */
async function readOnce(target: Target, k: number): Promise<Omit<Read, 'duringSync' | 'batch'>[]> {
  const order = target.orders[k % target.orders.length] as Target['orders'][number];
  const orderId = String(order.orderNo);
  const call = (handler: AppEndpoint, path: string, params: Record<string, string> = {}) => invoke(handler, path, { headers: target.headers, params });
  const customer = await call(customerGet, `v1/customers/${target.custNo}`, { erpId: target.custNo });
  const list = await call(ordersList, `v1/orders?customer=${target.custNo}&pageSize=5`);
  // An API-key caller names the customer on detail reads (a storefront token may, for its own).
  const detail = await call(orderGet, `v1/orders/${orderId}?customer=${target.custNo}`, { orderId });
  const unless = (ok: boolean, what: string) => (ok ? undefined : what);
  return [
    { resource: `customer:${target.custNo}`, answer: customer, wrong: unless(customer.json?.data?.erpId === target.custNo, 'customer record') },
    { resource: `orders:${target.custNo}`, answer: list, wrong: unless(list.json?.data?.pagination?.total === target.total, `order total ${list.json?.data?.pagination?.total} ≠ ${target.total}`) },
    { resource: `order:${orderId}`, answer: detail, wrong: unless(detail.json?.data?.lines?.length === order.lines, `order ${orderId} lines ${detail.json?.data?.lines?.length} ≠ ${order.lines}`) },
  ];
}

describe('zero downtime: readers during a full resync of changed data', () => {
  it('never get a 404 or 5xx for customers and orders that exist before and after, and read between batches', async () => {
    const changedRows = await changeMostErpRows();
    const reads: Read[] = [];
    let batches = 0;
    let syncing = true;
    const started = performance.now();
    const sync = portal
      .sync(batchSize)
      .run({ trigger: 'manual', full: true, onProgress: (p) => void (p.read > 0 && !p.done && batches++) })
      .finally(() => (syncing = false));
    const reader = async (r: number) => {
      for (let k = r; syncing; k += readers) {
        const startedDuring = syncing;
        for (const read of await readOnce(targets[k % targets.length] as Target, Math.floor(k / targets.length))) {
          reads.push({ ...read, duringSync: startedDuring && syncing, batch: batches });
        }
      }
    };
    const [outcome] = await Promise.all([sync, ...Array.from({ length: readers }, (_, r) => reader(r))]);
    const syncSeconds = (performance.now() - started) / 1000;
    const after = await readOnce(targets[0] as Target, 0);

    const during = reads.filter((r) => r.duringSync);
    const details = during.filter((r) => r.resource.startsWith('order:'));
    const buyers = details.map((r) => r.answer.json?.data?.buyer);
    const statuses = (status: (s: number) => boolean) => reads.filter((r) => status(r.answer.status)).length;
    const figures = {
      changedErpRows: changedRows,
      syncBatches: batches,
      syncSeconds: Number(syncSeconds.toFixed(1)),
      readsDuringSync: during.length,
      batchesFollowedByReads: new Set(during.map((r) => r.batch)).size,
      distinctResources: new Set(reads.map((r) => r.resource)).size,
      detailsSeenOld: buyers.filter((b) => b !== newBuyer).length,
      detailsSeenNew: buyers.filter((b) => b === newBuyer).length,
      notFound: statuses((s) => s === 404),
      status5xx: statuses((s) => s >= 500),
      otherNon2xx: statuses((s) => (s < 200 || s >= 300) && s !== 404 && s < 500),
      wrongAnswers: reads.filter((r) => r.wrong !== undefined).length,
    };
    reportFigures('api-zero-downtime', figures);

    expect(outcome.status).toBe('succeeded');
    if (outcome.status === 'already-running') return;
    // Updated in place: nothing inserted or deleted, and most rows of every entity rewritten.
    for (const entity of outcome.entities) {
      expect(entity, entity.entity).toMatchObject({ inserted: 0, deleted: 0 });
      expect(entity.updated, entity.entity).toBeGreaterThan(entity.read * 0.8);
    }
    expect(figures.notFound + figures.status5xx + figures.otherNon2xx).toBe(0);
    expect(reads.filter((r) => r.wrong).map((r) => r.wrong).slice(0, 5)).toEqual([]);
    // Interleaving, not reads before or after: reads landed between most batches and saw both states.
    expect(figures.batchesFollowedByReads).toBeGreaterThan(batches * 0.5);
    expect(figures.detailsSeenOld).toBeGreaterThan(0);
    expect(figures.detailsSeenNew).toBeGreaterThan(0);
    expect(after.find((r) => r.resource.startsWith('order:'))?.answer.json.data.buyer).toBe(newBuyer);
  });
});
