import './helpers/record-routes-only';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceGet } from '../../functions/invoice-get';
import { invoicePdf } from '../../functions/invoice-pdf';
import { orderGet } from '../../functions/order-get';
import { orderPdf } from '../../functions/order-pdf';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { openApiDocument } from '../../shared/http/openapi';
import type { OrderLineDto } from '../../shared/portal/dto-schemas';
import { formatMoney, formatQuantity, formatUnitPrice } from '../../storefront/src/format';
import { createTestMirror } from '../helpers/databases';
import { pdfPages, type PdfRow } from '../helpers/pdf-text';
import { invoke, useTestApi, withKey, type Answer } from './helpers/invoke';
import { loadPortalFixture } from './helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;
const stamp = { row_hash: '0000000000000000', sync_date: new Date(Date.UTC(2025, 6, 1)) };
const pad = (value: string, width: number) => value.padEnd(width, ' ');
const lineCount = 300;
/** Unit prices with four decimals, so a line amount rounds (half away from zero) to cents. */
const unitPrice = (i: number) => `${(i * 37) % 900}.${String((i * 7919) % 10_000).padStart(4, '0')}`;

/** C00009, with an accented name, holds invoice 99001 billing order 9001 (300 lines) and order 9002 (2 lines). */
async function loadLongInvoice(): Promise<void> {
  await mirror.db
    .insertInto('customer')
    .values({ cust_no: 'C00009', cust_name: pad('Zoë Müller Façades', 40), cust_addr1: pad('Hauptstraße 5', 50), cust_city: pad('Köln', 30), cust_state: null, cust_zip: pad('50667', 10), cust_phone: null, active: true, ...stamp })
    .execute();
  const header = (orderNo: number) => ({
    order_no: orderNo, ord_type: 'O', order_dt: new Date(Date.UTC(2025, 2, 1)), cust_no: 'C00009', cust_po: pad(`PO-${orderNo}`, 20), buyer: pad('Renée', 40),
    ship_via: pad('DHL', 3), ship_date: new Date(Date.UTC(2025, 2, 3)), inv_no: 99_001, inv_date: new Date(Date.UTC(2025, 2, 4)), status: 'C', freight: '12.34', tax_amt: '7.77', ...stamp,
  });
  await mirror.db.insertInto('ord_hedr').values([header(9001), header(9002)]).execute();
  const line = (orderNo: number, i: number) => ({
    order_no: orderNo, lin_no: String(i + 1), item_no: pad(`ITEM-${orderNo}-${String(i + 1).padStart(3, '0')}`, 25), item_desc: pad(i % 2 ? 'Crème brûlée torch' : 'Hex bolt, zinc', 30),
    ord_qty: (i % 17) + 1, qty_shipd: i % 17, unit_price: unitPrice(i), status: 'C', ...stamp,
  });
  await mirror.db.insertInto('ord_detl').values(Array.from({ length: lineCount }, (_, i) => line(9001, i))).execute();
  await mirror.db.insertInto('ord_detl').values([line(9002, 0), line(9002, 1)]).execute();
}

const seller = {
  DOCUMENT_SELLER_NAME: 'Société Générale de Distribution',
  DOCUMENT_SELLER_ADDRESS: '12 rue de la Paix | 75002 Paris',
  DOCUMENT_REMIT_TO: 'SGD Créances|PO Box 9|Chicago, IL 60601',
  DOCUMENT_TERMS: 'Net 30 days from the invoice date.',
};

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  await loadLongInvoice();
  useTestApi(mirror, { env: seller });
});

afterAll(async () => {
  await mirror.close();
});

const key = { headers: withKey() };
const text = (pages: readonly (readonly PdfRow[])[]) => pages.flat().map((row) => row.join(' '));

/** Every row under the table's header, on every page the table runs onto. */
function tableRows(pages: readonly (readonly PdfRow[])[], header: readonly string[]): PdfRow[] {
  return pages.flatMap((rows) => {
    const start = rows.findIndex((row) => row.join('|') === header.join('|'));
    return start < 0 ? [] : rows.slice(start + 1).filter((row) => row.length === header.length);
  });
}

/** A line as the storefront shows it (storefront/src/format.ts): the paper must say the same. */
const onScreen = (line: OrderLineDto, withOrder: boolean): string[] => [
  ...(withOrder ? [String(line.orderId)] : []),
  line.itemNo ?? '',
  line.description ?? '',
  formatQuantity(line.quantityOrdered),
  formatQuantity(line.quantityShipped),
  formatUnitPrice(line.unitPrice),
  line.statusCode === 'V' ? 'Void' : formatMoney(line.amount),
];

const totalsOf = (pages: readonly (readonly PdfRow[])[]) =>
  Object.fromEntries(pages.flat().filter((row) => row.length === 2 && ['Subtotal', 'Freight', 'Tax', 'Total'].includes(row[0] ?? '')));

function expectPdfAttachment(answer: Answer, fileName: string): void {
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/pdf');
  expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"`);
  expect(answer.headers.get('cache-control')).toBe('private');
  expect(new TextDecoder().decode(answer.bytes.subarray(0, 5))).toBe('%PDF-');
}

describe('GET /v1/invoices/{invoiceNo}/pdf', () => {
  const params = { invoiceNo: '99001' };

  it('prints every line and amount of the detail endpoint, over pages that repeat the table header', async () => {
    const detail = (await invoke(invoiceGet, 'v1/invoices/99001?customer=C00009', { ...key, params })).json.data;
    expect(detail.lines).toHaveLength(lineCount + 2);
    const answer = await invoke(invoicePdf, 'v1/invoices/99001/pdf?customer=C00009', { ...key, params });
    expectPdfAttachment(answer, 'invoice-99001.pdf');
    const pages = await pdfPages(answer.bytes);

    const header = ['Order', 'Item', 'Description', 'Ordered', 'Shipped', 'Unit price', 'Amount'];
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((rows, index) => {
      expect(rows, `page ${index + 1}`).toContainEqual(header);
      expect(rows.at(-1), `page ${index + 1}`).toEqual([`Invoice 99001 · Page ${index + 1} of ${pages.length}`]);
      if (index > 0) expect(rows[0], `page ${index + 1}`).toEqual(['Société Générale de Distribution', 'Invoice 99001 (continued)']);
    });
    expect(tableRows(pages, header)).toEqual(detail.lines.map((line: OrderLineDto) => onScreen(line, true)));
    expect(totalsOf(pages)).toEqual({
      Subtotal: formatMoney(detail.totals.subtotal),
      Freight: formatMoney(detail.totals.freight),
      Tax: formatMoney(detail.totals.tax),
      Total: formatMoney(detail.totals.total),
    });
    expect(detail.totals).toMatchObject({ freight: '24.68', tax: '15.54' });
  });

  it('prints the seller, remit-to and terms from settings and the mirrored customer as bill-to, accents intact', async () => {
    const answer = await invoke(invoicePdf, 'v1/invoices/99001/pdf?customer=C00009', { ...key, params });
    const pages = await pdfPages(answer.bytes);
    const lines = text(pages);
    for (const expected of ['Société Générale de Distribution', '12 rue de la Paix', '75002 Paris', 'BILL TO REMIT TO', 'Zoë Müller Façades SGD Créances', 'Hauptstraße 5 PO Box 9', 'Köln, 50667 Chicago, IL 60601', 'Net 30 days from the invoice date.']) {
      expect(lines, expected).toContain(expected);
    }
    expect(pages.flat().flat()).toContain('INVOICE');
    expect(lines).toEqual(expect.arrayContaining(['Invoice no. 99001', 'Invoice date Mar 4, 2025', 'Customer no. C00009', 'Orders 9001, 9002', 'Customer PO PO-9001, PO-9002']));
  });
});

describe('GET /v1/orders/{orderId}/pdf', () => {
  it('prints the order acknowledgement with the detail endpoint’s lines and totals, and no remit-to', async () => {
    const params = { orderId: '1001' };
    const detail = (await invoke(orderGet, 'v1/orders/1001?customer=C00001', { ...key, params })).json.data;
    const answer = await invoke(orderPdf, 'v1/orders/1001/pdf?customer=C00001', { ...key, params });
    expectPdfAttachment(answer, 'order-1001.pdf');
    const pages = await pdfPages(answer.bytes);
    expect(pages).toHaveLength(1);
    const header = ['Item', 'Description', 'Ordered', 'Shipped', 'Unit price', 'Amount'];
    expect(tableRows(pages, header)).toEqual(detail.lines.map((line: OrderLineDto) => onScreen(line, false)));
    expect(totalsOf(pages)).toEqual({ Subtotal: formatMoney(detail.subtotal), Freight: formatMoney(detail.freight), Tax: formatMoney(detail.tax), Total: formatMoney(detail.total) });
    const lines = text(pages);
    expect(pages.flat().flat()).toContain('ORDER ACKNOWLEDGEMENT');
    expect(lines).toEqual(expect.arrayContaining(['Order no. 1001', 'Customer no. C00001', 'BILL TO', 'Customer 1']));
    expect(lines.join('\n')).not.toContain('REMIT TO');
  });
});

describe('errors are the detail endpoints’ own', () => {
  const cases = [
    ['unknown invoice', invoicePdf, invoiceGet, 'v1/invoices/123456', { invoiceNo: '123456' }],
    ['another customer’s invoice', invoicePdf, invoiceGet, 'v1/invoices/99001', { invoiceNo: '99001' }],
    ['unknown order', orderPdf, orderGet, 'v1/orders/777777', { orderId: '777777' }],
    ['another customer’s order', orderPdf, orderGet, 'v1/orders/9001', { orderId: '9001' }],
    ['a quote', orderPdf, orderGet, 'v1/orders/1101', { orderId: '1101' }],
    ['a malformed order number', orderPdf, orderGet, 'v1/orders/abc', { orderId: 'abc' }],
  ] as const;

  it.each(cases)('%s', async (_name, pdf, detail, path, params) => {
    const printed = await invoke(pdf, `${path}/pdf?customer=C00001`, { ...key, params });
    const shown = await invoke(detail, `${path}?customer=C00001`, { ...key, params });
    expect(printed.status).toBeGreaterThanOrEqual(400);
    expect([printed.status, printed.headers.get('content-type'), printed.json]).toEqual([shown.status, shown.headers.get('content-type'), shown.json]);
  });

  it('answers 401 without credentials', async () => {
    expect((await invoke(invoicePdf, 'v1/invoices/99001/pdf', { params: { invoiceNo: '99001' } })).status).toBe(401);
  });
});

it('OpenAPI documents both documents as application/pdf', () => {
  const paths = openApiDocument().paths as Record<string, { get: { responses: Record<string, { content?: object }> } }>;
  for (const path of ['/v1/invoices/{invoiceNo}/pdf', '/v1/orders/{orderId}/pdf']) {
    expect(Object.keys(paths[path]?.get.responses['200']?.content ?? {}), path).toEqual(['application/pdf']);
  }
});
