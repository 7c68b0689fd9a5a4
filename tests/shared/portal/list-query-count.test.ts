import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import type { OrderListKind } from '../../../shared/mirror/queries/order-filter';
import { listCustomerHeaders, toListFilter } from '../../../shared/portal/list-service';
import type { PortalContext } from '../../../shared/portal/portal-context';
import { loadPortalFixture } from '../../functions/helpers/portal-fixture';
import { createTestMirror } from '../../helpers/databases';

let mirror: PortalDatabase<MirrorDatabase>;
let executed = 0;

/** Counts statements the engine answered (a result comes back once per executed query). */
const counter: KyselyPlugin = {
  transformQuery: ({ node }) => node,
  async transformResult({ result }) {
    executed += 1;
    return result;
  },
};

const context: PortalContext = {
  quoteTypes: ['Q'],
  skuMatch: 'case-sensitive',
  mirror: async () => ({ dialect: mirror.dialect, db: mirror.db.withPlugin(counter) }),
};

/** One list request: the page, its total and how many statements it took. */
async function list(kind: OrderListKind, custNo: string, page: number, pageSize = 20) {
  executed = 0;
  const result = await listCustomerHeaders(context, kind, toListFilter(custNo, {}), { offset: (page - 1) * pageSize, fetch: pageSize });
  return { rows: result.items.length, total: result.total, queries: executed };
}

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
});

afterAll(async () => {
  await mirror.close();
});

describe('queries per list page', () => {
  it('answers a page that is not full with one statement: the rows carry their totals', async () => {
    expect(await list('orders', 'C00001', 2)).toEqual({ rows: 5, total: 25, queries: 1 });
    expect(await list('orders', 'C00002', 1)).toEqual({ rows: 3, total: 3, queries: 1 });
    expect(await list('quotes', 'C00001', 1)).toEqual({ rows: 3, total: 3, queries: 1 });
    expect(await list('shipments', 'C00001', 1)).toEqual({ rows: 9, total: 9, queries: 1 });
    expect(await list('invoices', 'C00001', 1)).toEqual({ rows: 5, total: 5, queries: 1 });
    expect(await list('orders', 'C00004', 1)).toEqual({ rows: 0, total: 0, queries: 1 });
  });

  it('counts only after a full page, or a page past the end', async () => {
    expect(await list('orders', 'C00001', 1)).toEqual({ rows: 20, total: 25, queries: 2 });
    expect(await list('orders', 'C00001', 1, 25)).toEqual({ rows: 25, total: 25, queries: 2 });
    expect(await list('orders', 'C00001', 3)).toEqual({ rows: 0, total: 25, queries: 2 });
  });

  it('reads each row’s totals and quantities from the same statement', async () => {
    const [order] = (await listCustomerHeaders(context, 'orders', toListFilter('C00002', {}), { offset: 0, fetch: 1 })).items;
    expect(order).toMatchObject({ lineCount: 2, subtotal: '21.19', total: '27.29' });
    const [shipment] = (await listCustomerHeaders(context, 'shipments', toListFilter('C00002', {}), { offset: 0, fetch: 1 })).items;
    expect(shipment).toMatchObject({ quantityOrdered: 5, quantityShipped: 3, shippedValue: '20.53', complete: false });
  });
});
