import './helpers/record-routes-only';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceGet } from '../../functions/invoice-get';
import { invoicePdf } from '../../functions/invoice-pdf';
import { invoicesList } from '../../functions/invoices-list';
import { orderGet } from '../../functions/order-get';
import { orderPdf } from '../../functions/order-pdf';
import { ordersList } from '../../functions/orders-list';
import { shipmentsList } from '../../functions/shipments-list';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { sumMoney } from '../../shared/portal/map-values';
import { defaultMessages } from '../../storefront/src/messages';
import { renderInvoiceDetail } from '../../storefront/src/render-detail';
import { textOf, type VElement, type VNode } from '../../storefront/src/vnode';
import { createTestMirror } from '../helpers/databases';
import { pdfPages, type PdfRow } from '../helpers/pdf-text';
import { invoke, useTestApi, withKey } from './helpers/invoke';

/**
 * Order 7701 on invoice 77001: lines on which the rules part ways.
 * - 3 × 0.3350 = 1.005 and 5 × 2.1250 = 10.625: half away from zero gives 1.01 and 10.63, banker's 1.00 and 10.62.
 * - three lines of 1 × 0.0050: each rounds to 0.01, so they add 0.03, where rounding their sum would say 0.02.
 * - a void line of 2 × 5.0000, listed but billing nothing.
 * The rule (line amount = round(qty × price, 2) half away from zero, subtotal = sum of amounts) gives 11.67; rounding
 * the unrounded sum gives 11.65 without the void line and 21.65 with it, banker's rounding 11.64.
 */
const amounts = ['1.01', '0.01', '0.01', '0.01', '0.00', '10.63'];
const subtotal = '11.67';
const total = '17.50';
const shippedValue = '3.17';

let mirror: PortalDatabase<MirrorDatabase>;
const stamp = { row_hash: '0000000000000000', sync_date: new Date(Date.UTC(2025, 6, 1)) };
const key = { headers: withKey() };

beforeAll(async () => {
  mirror = await createTestMirror();
  await mirror.db.insertInto('customer').values({ cust_no: 'C00077', cust_name: 'Penny Counter', cust_addr1: null, cust_city: null, cust_state: null, cust_zip: null, cust_phone: null, active: true, ...stamp }).execute();
  await mirror.db
    .insertInto('ord_hedr')
    .values({
      order_no: 7701, ord_type: 'O', order_dt: new Date(Date.UTC(2025, 4, 1)), cust_no: 'C00077', cust_po: 'PO-7701', buyer: null, ship_via: 'UPS',
      ship_date: new Date(Date.UTC(2025, 4, 3)), inv_no: 77_001, inv_date: new Date(Date.UTC(2025, 4, 4)), status: 'O', freight: '5.00', tax_amt: '0.83', ...stamp,
    })
    .execute();
  const line = (lin: number, ord_qty: number, qty_shipd: number, unit_price: string, status: string) =>
    ({ order_no: 7701, lin_no: String(lin), item_no: `ITEM-${lin}`, item_desc: `Part ${lin}`, ord_qty, qty_shipd, unit_price, status, ...stamp });
  await mirror.db
    .insertInto('ord_detl')
    .values([line(1, 3, 3, '0.3350', 'C'), line(2, 1, 1, '0.0050', 'C'), line(3, 1, 1, '0.0050', 'C'), line(4, 1, 1, '0.0050', 'C'), line(5, 2, 0, '5.0000', 'V'), line(6, 5, 1, '2.1250', 'O')])
    .execute();
  useTestApi(mirror);
});

afterAll(async () => {
  await mirror.close();
});

const invoiceParams = { params: { invoiceNo: '77001' } };
const orderParams = { params: { orderId: '7701' } };

describe('invoices add up: every line rounded half away from zero, void lines count 0, the subtotal their sum', () => {
  it('vw_order_summary', async () => {
    const row = await mirror.db.selectFrom('vw_order_summary').selectAll().where('order_no', '=', 7701).executeTakeFirstOrThrow();
    expect(row).toEqual({ order_no: 7701, line_count: 6, subtotal, shipped_value: shippedValue, total });
  });

  it('the order and invoice details: the line amounts shown sum to the subtotal', async () => {
    const order = (await invoke(orderGet, 'v1/orders/7701?customer=C00077', { ...key, ...orderParams })).json.data;
    expect(order.lines.map((l: { amount: string }) => l.amount)).toEqual(amounts);
    expect(sumMoney(order.lines.map((l: { amount: string }) => l.amount))).toBe(order.subtotal);
    expect(order).toMatchObject({ subtotal, freight: '5.00', tax: '0.83', total, shippedValue });

    const invoice = (await invoke(invoiceGet, 'v1/invoices/77001?customer=C00077', { ...key, ...invoiceParams })).json.data;
    expect(invoice.lines.map((l: { amount: string }) => l.amount)).toEqual(amounts);
    expect(invoice.totals).toEqual({ subtotal, freight: '5.00', tax: '0.83', total });
  });

  it('the lists and their CSV', async () => {
    const orders = (await invoke(ordersList, 'v1/orders?customer=C00077', key)).json.data.orders;
    expect(orders[0]).toMatchObject({ orderId: 7701, subtotal, total });
    const invoices = (await invoke(invoicesList, 'v1/invoices?customer=C00077', key)).json.data.invoices;
    expect(invoices[0]).toMatchObject({ invoiceNo: 77_001, subtotal, total });
    const shipments = (await invoke(shipmentsList, 'v1/shipments?customer=C00077', key)).json.data.shipments;
    expect(shipments[0]).toMatchObject({ orderId: 7701, shippedValue });
    for (const [handler, path] of [[ordersList, 'v1/orders'], [invoicesList, 'v1/invoices']] as const) {
      const csv = (await invoke(handler, `${path}?customer=C00077&format=csv`, key)).body.trimEnd().split('\r\n');
      const [header = '', row = ''] = csv;
      const cells = Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]]));
      expect(cells, path).toMatchObject({ subtotal, total });
    }
  });

  const amountColumn = (pages: readonly (readonly PdfRow[])[]) => {
    const rows = pages.flat();
    const start = rows.findIndex((row) => row.at(-1) === 'Amount');
    return rows.slice(start + 1, start + 1 + amounts.length).map((row) => row.at(-1));
  };
  const printedAmounts = amounts.map((amount, i) => (i === 4 ? 'Void' : `$${amount}`));
  const totalsOf = (pages: readonly (readonly PdfRow[])[]) =>
    Object.fromEntries(pages.flat().filter((row) => row.length === 2 && ['Subtotal', 'Freight', 'Tax', 'Total'].includes(row[0] ?? '')));

  it('both PDFs, which state the billed quantity and the void rule on the page', async () => {
    const invoice = await pdfPages((await invoke(invoicePdf, 'v1/invoices/77001/pdf?customer=C00077', { ...key, ...invoiceParams })).bytes);
    expect(amountColumn(invoice)).toEqual(printedAmounts);
    expect(totalsOf(invoice)).toEqual({ Subtotal: `$${subtotal}`, Freight: '$5.00', Tax: '$0.83', Total: `$${total}` });
    const invoiceText = invoice.flat().map((row) => row.join(' ')).join(' ');
    expect(invoiceText).toContain('Amounts bill the ordered quantity');
    expect(invoiceText).toContain('Void lines are listed but bill nothing');

    const order = await pdfPages((await invoke(orderPdf, 'v1/orders/7701/pdf?customer=C00077', { ...key, ...orderParams })).bytes);
    expect(amountColumn(order)).toEqual(printedAmounts);
    expect(totalsOf(order)).toEqual({ Subtotal: `$${subtotal}`, Freight: '$5.00', Tax: '$0.83', Total: `$${total}` });
  });

  it('the storefront shows the API’s amounts and its totals under the Amount column', async () => {
    const invoice = (await invoke(invoiceGet, 'v1/invoices/77001?customer=C00077', { ...key, ...invoiceParams })).json.data;
    const view = renderInvoiceDetail(invoice, { href: '#invoices', label: 'Invoices' }, defaultMessages, () => undefined);
    const find = (node: VNode, tag: string): VElement[] =>
      typeof node === 'string' ? [] : [...(node.tag === tag ? [node] : []), ...node.children.flatMap((child) => find(child, tag))];
    const body = find(view, 'tbody')[0] as VElement;
    expect(find(body, 'tr').map((row) => textOf(row.children.at(-1) as VNode))).toEqual(amounts.map((amount, i) => (i === 4 ? 'Void' : `$${amount}`)));
    const foot = find(view, 'tfoot')[0] as VElement;
    expect(find(foot, 'tr').map((row) => row.children.slice(0, 2).map((cell) => textOf(cell as VNode)))).toEqual([
      ['Subtotal', `$${subtotal}`],
      ['Freight', '$5.00'],
      ['Tax', '$0.83'],
      ['Total', `$${total}`],
    ]);
    // Item, Description, Ordered, Shipped, Unit price: the label spans them, the figure stands in Amount.
    expect(find(foot, 'th').map((th) => th.attrs.colspan)).toEqual([5, 5, 5, 5]);
    expect(textOf(view)).toContain(defaultMessages.invoiceBasis);
  });
});
