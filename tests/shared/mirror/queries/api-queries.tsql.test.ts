import { describe, it } from 'vitest';
import type { MirrorDatabase } from '../../../../shared/db/schema/mirror-tables';
import { countOrderHeaders } from '../../../../shared/mirror/queries/count-order-headers';
import { countPurchasedProducts } from '../../../../shared/mirror/queries/count-purchased-products';
import { findCustomer } from '../../../../shared/mirror/queries/find-customer';
import { findCustomerLink } from '../../../../shared/dev-host/queries/find-customer-link';
import { findInvoiceHeaders } from '../../../../shared/mirror/queries/find-invoice-headers';
import { findLinkedCustomer } from '../../../../shared/mirror/queries/find-linked-customer';
import { findOrderHeader } from '../../../../shared/mirror/queries/find-order-header';
import { showcaseCustomer } from '../../../../shared/dev-host/queries/showcase-customer';
import { idsPerStatement } from '../../../../shared/mirror/queries/id-chunks';
import { lastSuccessfulSync } from '../../../../shared/mirror/queries/last-successful-sync';
import { linkDemoCustomers } from '../../../../shared/dev-host/queries/link-demo-customers';
import { listOrderHeaders } from '../../../../shared/mirror/queries/list-order-headers';
import { listOrderLines } from '../../../../shared/mirror/queries/list-order-lines';
import { listPurchasedProducts } from '../../../../shared/mirror/queries/list-purchased-products';
import type { OrderFilter, OrderListKind } from '../../../../shared/mirror/queries/order-filter';
import { orderSummaries } from '../../../../shared/mirror/queries/order-summaries';
import { expectTsqlSnapshot, recordingMssql, type LabelledQuery } from '../../../helpers/tsql';

describe('API read queries compiled for SQL Server', () => {
  it('match the reviewed T-SQL', async () => {
    const { db, log } = recordingMssql<MirrorDatabase>();
    const labelled: LabelledQuery[] = [];
    const record = async (label: string, run: () => Promise<unknown>) => {
      const start = log.length;
      await run().catch(() => undefined);
      labelled.push(...log.slice(start).map((query, i) => ({ label: `${label}${i > 0 ? ` #${i + 1}` : ''}`, query })));
    };
    const filter = (kind: OrderListKind, extra: Partial<OrderFilter> = {}): OrderFilter => ({ custNo: 'C00001', kind, quoteTypes: ['Q'], ...extra });
    const window = { offset: 40, fetch: 20 };
    const allFilters = { status: 'O', from: new Date(Date.UTC(2025, 0, 1)), until: new Date(Date.UTC(2025, 1, 1)), po: '50%' };
    const maxIds = Array.from({ length: idsPerStatement }, (_, i) => i + 1);

    await record('orders page (index seek on cust_no, order_dt desc, order_no desc)', () => listOrderHeaders(db, filter('orders'), window, 'mssql'));
    await record('orders page, every filter', () => listOrderHeaders(db, filter('orders', allFilters), window, 'mssql'));
    await record('orders count, every filter', () => countOrderHeaders(db, filter('orders', allFilters)));
    await record('orders page, item (EXISTS seeks ord_detl by order_no)', () => listOrderHeaders(db, filter('orders', { item: ' widget-1 ' }), window, 'mssql'));
    await record('orders count, item', () => countOrderHeaders(db, filter('orders', { item: 'WIDGET-1' })));
    await record('products page', () => listPurchasedProducts(db, { custNo: 'C00001', quoteTypes: ['Q'] }, window, { dialect: 'mssql', skuMatch: 'case-sensitive' }));
    await record('products page, q', () => listPurchasedProducts(db, { custNo: 'C00001', quoteTypes: ['Q'], q: ' 50%_[x ' }, window, { dialect: 'mssql', skuMatch: 'case-insensitive' }));
    await record('products count, q', () => countPurchasedProducts(db, { custNo: 'C00001', quoteTypes: ['Q'], q: 'bolt' }));
    await record('quotes page', () => listOrderHeaders(db, filter('quotes'), window, 'mssql'));
    await record('shipments page', () => listOrderHeaders(db, filter('shipments'), window, 'mssql'));
    await record('invoices page', () => listOrderHeaders(db, filter('invoices'), window, 'mssql'));
    await record('order summaries, largest chunk', () => orderSummaries(db, maxIds));
    await record('order lines with reorder data, largest chunk', () => listOrderLines(db, maxIds, { dialect: 'mssql', skuMatch: 'case-sensitive' }));
    await record('order lines, SKUs matched case-insensitively', () => listOrderLines(db, [1001], { dialect: 'mssql', skuMatch: 'case-insensitive' }));
    await record('order header, scoped', () => findOrderHeader(db, 1001, 'C00001'));
    await record('invoice headers, scoped', () => findInvoiceHeaders(db, 5001, 'C00001'));
    await record('customer', () => findCustomer(db, 'C00001'));
    await record('linked customer', () => findLinkedCustomer(db, 501));
    await record('customer link by cust_no', () => findCustomerLink(db, 'C00001'));
    await record('showcase customer', () => showcaseCustomer(db, ['Q', 'E']));
    await record('last successful sync', () => lastSuccessfulSync(db));
    await record('link demo customers', () => linkDemoCustomers(db));
    await expectTsqlSnapshot('api-queries', labelled);
  });
});
