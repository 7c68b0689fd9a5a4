import './helpers/record-routes-only';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGet } from '../../functions/customer-get';
import { invoiceGet } from '../../functions/invoice-get';
import { orderGet } from '../../functions/order-get';
import { ordersList } from '../../functions/orders-list';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { createTestMirror } from '../helpers/databases';
import { customerToken, invoke, useTestApi, withKey, withToken } from './helpers/invoke';
import { invoiceOf, links, loadPortalFixture } from './helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;
const sharedInvoice = invoiceOf(1006);
const inkBcId = 504;

/**
 * Rows a case-sensitive mirror (PGlite) can hold beside the fixture: `c00001`, a different customer
 * from `C00001`; `INK001`, whose dotless-i look-alike `ıNK001` upper-cases to it in Unicode; and
 * C00002's order 2101 billed on the same invoice number as C00001's order 1006.
 */
async function loadLookAlikes(db: Kysely<MirrorDatabase>): Promise<void> {
  const stamp = { row_hash: '0000000000000000', sync_date: new Date(Date.UTC(2025, 6, 1)) };
  const customer = (custNo: string, name: string) => ({
    cust_no: custNo, cust_name: name, cust_addr1: null, cust_city: null, cust_state: null, cust_zip: null, cust_phone: null, active: true, ...stamp,
  });
  await db.insertInto('customer').values([customer('c00001', 'Lowercase twin'), customer('INK001', 'Ink Supplies')]).execute();
  const header = (orderNo: number, custNo: string, invNo: number | null) => ({
    order_no: orderNo, ord_type: 'O', order_dt: new Date(Date.UTC(2025, 2, 1)), cust_no: custNo, cust_po: null, buyer: null,
    ship_via: null, ship_date: null, inv_no: invNo, inv_date: invNo === null ? null : new Date(Date.UTC(2025, 2, 4)), status: 'C',
    freight: '1.00', tax_amt: '0.00', ...stamp,
  });
  await db.insertInto('ord_hedr').values([header(4001, 'c00001', null), header(2101, 'C00002', sharedInvoice)]).execute();
  await db.insertInto('customer_link').values({ bc_customer_id: inkBcId, cust_no: 'INK001', updated_at: new Date() }).execute();
}

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  await loadLookAlikes(mirror.db);
  useTestApi(mirror);
});

afterAll(async () => {
  await mirror.close();
});

const validationOf = (answer: { status: number; json: { error?: { code: string; message: string } } }) => ({
  status: answer.status,
  code: answer.json.error?.code,
  namesCustomer: answer.json.error?.message.includes('customer') ?? false,
});
const refusedCustomer = { status: 400, code: 'VALIDATION_FAILED', namesCustomer: true };

describe('one rule for ERP customer numbers', () => {
  it('a storefront caller reads its own customer record, never the raw path value (case variant)', async () => {
    const token = await customerToken(links.C00001 as number);
    const answer = await invoke(customerGet, 'v1/customers/c00001', { headers: withToken(token), params: { erpId: 'c00001' } });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toMatchObject({ erpId: 'C00001', name: 'Customer 1' });
  });

  it('an API key’s customer number is case-folded in ASCII before it reads anything', async () => {
    const record = await invoke(customerGet, 'v1/customers/c00001', { headers: withKey(), params: { erpId: ' c00001 ' } });
    expect(record.json.data).toMatchObject({ erpId: 'C00001', name: 'Customer 1' });
    const orders = await invoke(ordersList, 'v1/orders?customer=c00001', { headers: withKey() });
    expect(orders.json.data.pagination.total).toBe(25);
    expect(orders.body).not.toContain('4001');
  });

  it.each([
    ['dotless i', 'ıNK001'],
    ['fullwidth letters', 'ＩＮＫ００１'],
    ['Latin-1 letter', 'ÄNK001'],
    ['Kelvin sign (upper-cases to K in Unicode)', 'INK00\u212A'],
    ['seven characters', 'INK0001'],
  ])('%s (%s) is refused with 400 naming customer, for lists, details and records', async (_what, value) => {
    const token = await customerToken(inkBcId);
    const query = `customer=${encodeURIComponent(value)}`;
    for (const headers of [withKey(), withToken(token)]) {
      expect(validationOf(await invoke(ordersList, `v1/orders?${query}`, { headers }))).toEqual(refusedCustomer);
      expect(validationOf(await invoke(orderGet, `v1/orders/2001?${query}`, { headers, params: { orderId: '2001' } }))).toEqual(refusedCustomer);
    }
    const record = await invoke(customerGet, `v1/customers/${encodeURIComponent(value)}`, { headers: withToken(token), params: { erpId: value } });
    expect(record.status).toBe(400);
    expect(record.json.error.message).toContain('erpId');
  });

  it('the storefront caller linked to INK001 still reads its own data with the ASCII spelling', async () => {
    const token = await customerToken(inkBcId);
    const answer = await invoke(customerGet, 'v1/customers/ink001', { headers: withToken(token), params: { erpId: 'ink001' } });
    expect(answer.json.data).toMatchObject({ erpId: 'INK001', name: 'Ink Supplies' });
  });
});

describe('detail endpoints with an API key', () => {
  it('require customer (400 naming it) instead of reading across customers', async () => {
    const id = String(sharedInvoice);
    expect(validationOf(await invoke(invoiceGet, `v1/invoices/${id}`, { headers: withKey(), params: { invoiceNo: id } }))).toEqual(refusedCustomer);
    expect(validationOf(await invoke(orderGet, 'v1/orders/1006', { headers: withKey(), params: { orderId: '1006' } }))).toEqual(refusedCustomer);
  });

  it('never label one customer’s invoice with another’s orders when invoice numbers are shared', async () => {
    const id = String(sharedInvoice);
    for (const [custNo, orderIds] of [['C00001', [1006]], ['C00002', [2101]]] as const) {
      const answer = await invoke(invoiceGet, `v1/invoices/${id}?customer=${custNo}`, { headers: withKey(), params: { invoiceNo: id } });
      expect(answer.json.data.customerId).toBe(custNo);
      expect(answer.json.data.orders.map((o: { orderId: number }) => o.orderId)).toEqual(orderIds);
    }
    const token = await customerToken(links.C00002 as number);
    const own = await invoke(invoiceGet, `v1/invoices/${id}`, { headers: withToken(token), params: { invoiceNo: id } });
    expect(own.json.data.orders.map((o: { orderId: number }) => o.orderId)).toEqual([2101]);
  });
});
