import { performance } from 'node:perf_hooks';
import { invoiceDocument } from '../../shared/documents/business-document';
import { renderPdf } from '../../shared/documents/render-pdf';
import { lineAmount } from '../../shared/portal/line-amount';
import type { InvoiceDetailDto, OrderLineDto } from '../../shared/portal/dto-schemas';

export interface PdfTiming {
  readonly lines: number;
  readonly runs: number;
  /** The first render, which also loads pdfkit's font metrics. */
  readonly firstMs: number;
  readonly medianMs: number;
  /** Median CPU time (user + system) of a render: what wall time would be on an idle core. */
  readonly cpuMs: number;
  readonly pages: number;
  readonly bytes: number;
}

/** An invoice of `count` lines shaped as the detail endpoint answers it: the renderer's input, no database. */
function longInvoice(count: number): InvoiceDetailDto {
  const lines = Array.from({ length: count }, (_, i): OrderLineDto => {
    const quantity = (i % 40) + 1;
    const unitPrice = `${(i * 37) % 900}.${String((i * 7919) % 10_000).padStart(4, '0')}`;
    return {
      orderId: 100_001 + (i % 3), lineNo: i + 1, itemNo: `ITEM-${String(i + 1).padStart(5, '0')}`, description: 'Hex bolt, zinc plated, M8',
      quantityOrdered: quantity, quantityShipped: i % 40, unitPrice, amount: lineAmount({ ord_qty: quantity, unit_price: unitPrice, status: 'O' }), status: 'Open', statusCode: 'O',
      reorder: null, reorderReason: 'not_in_catalog',
    };
  });
  const order = (orderId: number) => ({
    orderId, orderType: 'O', orderDate: '2025-03-01T00:00:00.000Z', customerId: 'C00001', customerPo: `PO-${orderId}`, buyer: 'Pat Buyer', shipVia: 'UPS',
    shipDate: '2025-03-03T00:00:00.000Z', invoiceNo: 700_001, invoiceDate: '2025-03-04T00:00:00.000Z', status: 'Complete', statusCode: 'C',
    lineCount: count / 3, subtotal: '1000.00', freight: '10.00', tax: '5.00', total: '1015.00',
  });
  return {
    invoiceNo: 700_001, invoiceDate: '2025-03-04T00:00:00.000Z', customerId: 'C00001', orders: [order(100_001), order(100_002), order(100_003)], lines,
    totals: { subtotal: '3000.00', freight: '30.00', tax: '15.00', total: '3045.00' },
  };
}

/** The renderer's input for an invoice of `count` lines (1 makes a one-page document). */
export function benchInvoice(count: number) {
  return invoiceDocument(
    longInvoice(count),
    { erpId: 'C00001', name: 'Zoë Müller Façades', address1: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701', phone: null, active: true },
    { name: 'Bench Distribution Co.', address: ['1 Warehouse Way', 'Springfield, IL 62701'], remitTo: ['PO Box 1000', 'Springfield, IL 62705'], terms: 'Net 30 days.' },
  );
}

/**
 * Time to render an invoice of `count` lines to PDF bytes (letterhead, repeated table headers,
 * totals, page footers), in this process: a figure beside the detail endpoint's latency, no budget.
 */
export async function pdfTiming(count = 300, runs = 5): Promise<PdfTiming> {
  const document = benchInvoice(count);
  const times: number[] = [];
  const cpu: number[] = [];
  let pdf: Uint8Array = new Uint8Array();
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const used = process.cpuUsage();
    pdf = await renderPdf(document);
    times.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  return { lines: count, runs, firstMs: times[0] ?? 0, medianMs: median(times), cpuMs: median(cpu), pages, bytes: pdf.length };
}
