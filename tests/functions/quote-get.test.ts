import './helpers/record-routes-only';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderGet } from '../../functions/order-get';
import { orderPdf } from '../../functions/order-pdf';
import { quoteGet } from '../../functions/quote-get';
import { quotePdf } from '../../functions/quote-pdf';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { openApiDocument } from '../../shared/http/openapi';
import type { OrderLineDto } from '../../shared/portal/dto-schemas';
import { formatMoney, formatQuantity, formatUnitPrice } from '../../storefront/src/format';
import { createTestMirror } from '../helpers/databases';
import { pdfPages } from '../helpers/pdf-text';
import { invoke, useTestApi, withKey } from './helpers/invoke';
import { loadPortalFixture } from './helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  // Quote 1103 voided: it still opens, but cannot be ordered.
  await mirror.db.updateTable('ord_hedr').set({ status: 'V' }).where('order_no', '=', 1103).execute();
  useTestApi(mirror);
});

afterAll(async () => {
  await mirror.close();
});

const key = { headers: withKey() };
const quote = (no: string, query = '?customer=C00001') => invoke(quoteGet, `v1/quotes/${no}${query}`, { ...key, params: { quoteNo: no } });

describe('GET /v1/quotes/{quoteNo}', () => {
  it('answers the quote with its lines, quoted prices and totals', async () => {
    const answer = await quote('1101');
    expect(answer.status).toBe(200);
    const data = answer.json.data;
    expect(data).toMatchObject({ quoteNo: 1101, customerId: 'C00001', customerPo: 'QUOTE-0', status: 'Open', statusCode: 'O', orderable: true });
    expect(data).not.toHaveProperty('orderId');
    expect(data.lines.length).toBeGreaterThan(0);
    expect(data.lines[0]).toMatchObject({ orderId: 1101, lineNo: 1, unitPrice: expect.stringMatching(/^\d+\.\d{4}$/) });
    expect(data.lineCount).toBe(data.lines.length);
  });

  it('a void quote opens but is not orderable', async () => {
    expect((await quote('1103')).json.data).toMatchObject({ quoteNo: 1103, statusCode: 'V', orderable: false });
  });

  it('an order number is not a quote, and a quote is not an order: 404 both ways, in the same words as a missing one', async () => {
    for (const no of ['1001', '999999']) {
      const answer = await quote(no);
      expect(answer.status, no).toBe(404);
      expect(answer.json).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Quote not found.' } });
    }
    const asOrder = await invoke(orderGet, 'v1/orders/1101?customer=C00001', { ...key, params: { orderId: '1101' } });
    expect(asOrder.json).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Order not found.' } });
    const asOrderPdf = await invoke(orderPdf, 'v1/orders/1101/pdf?customer=C00001', { ...key, params: { orderId: '1101' } });
    expect(asOrderPdf.status).toBe(404);
  });

  it('another customer’s quote is 404; a bad number is 400 naming quoteNo', async () => {
    expect((await quote('2004')).status).toBe(404);
    expect((await quote('2004', '?customer=C00002')).status).toBe(200);
    const bad = await quote('abc');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('quoteNo');
  });
});

describe('GET /v1/quotes/{quoteNo}/pdf', () => {
  it('prints a Quotation with the detail’s lines and totals, and no remit-to', async () => {
    const detail = (await quote('1102')).json.data;
    const answer = await invoke(quotePdf, 'v1/quotes/1102/pdf?customer=C00001', { ...key, params: { quoteNo: '1102' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="quote-1102.pdf"');
    const pages = await pdfPages(answer.bytes);
    const rows = pages.flat();
    expect(rows.flat()).toContain('QUOTATION');
    const lines = rows.map((row) => row.join(' '));
    expect(lines).toEqual(expect.arrayContaining(['Quote no. 1102', 'Customer no. C00001', 'Customer PO QUOTE-1', 'Status Open', 'BILL TO']));
    expect(lines.join('\n')).not.toContain('REMIT TO');
    const onScreen = detail.lines.map((line: OrderLineDto) => [
      line.itemNo ?? '', line.description ?? '', formatQuantity(line.quantityOrdered), formatQuantity(line.quantityShipped),
      formatUnitPrice(line.unitPrice), line.statusCode === 'V' ? 'Void' : formatMoney(line.amount),
    ]);
    for (const line of onScreen) expect(rows).toContainEqual(line);
    expect(rows).toContainEqual(['Total', formatMoney(detail.total)]);
  });

  it('refuses as the detail does: an order, another customer’s quote, no credentials', async () => {
    const order = await invoke(quotePdf, 'v1/quotes/1001/pdf?customer=C00001', { ...key, params: { quoteNo: '1001' } });
    expect([order.status, order.json]).toEqual([404, (await quote('1001')).json]);
    expect((await invoke(quotePdf, 'v1/quotes/2004/pdf?customer=C00001', { ...key, params: { quoteNo: '2004' } })).status).toBe(404);
    expect((await invoke(quotePdf, 'v1/quotes/1101/pdf', { params: { quoteNo: '1101' } })).status).toBe(401);
  });
});

it('OpenAPI documents the quote detail and the quotation PDF', () => {
  const paths = openApiDocument().paths as Record<string, { get: { responses: Record<string, { content?: object }> } }>;
  expect(Object.keys(paths['/v1/quotes/{quoteNo}']?.get.responses['200']?.content ?? {})).toEqual(['application/json']);
  expect(Object.keys(paths['/v1/quotes/{quoteNo}/pdf']?.get.responses['200']?.content ?? {})).toEqual(['application/pdf']);
});
